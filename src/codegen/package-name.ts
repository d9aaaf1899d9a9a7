import { packageName } from "./openapi/names.js";

/**
 * The folder and npm name of a contract's package: its id (`x-charter-id`, or AsyncAPI's `id`);
 * where the contract has none and its id is only its file path, the title (`Stripe API` →
 * `stripe-api`), else the file's name without its extensions. Never `stripe-spec3.yaml`.
 */
export function contractPackageName(contract: { id: string; path: string; document: { root: Record<string, unknown> } }): string {
  if (contract.id !== contract.path) return packageName(contract.id);
  const info = contract.document.root.info;
  const title = typeof info === "object" && info !== null ? (info as Record<string, unknown>).title : undefined;
  if (typeof title === "string" && packageName(title) !== "contract") return packageName(title);
  return packageName(contract.path.split("/").pop()!.replace(/\..*$/, ""));
}
