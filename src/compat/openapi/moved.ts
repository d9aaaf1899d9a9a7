import type { OpenApiContract } from "../../contracts/contract.js";
import { operationsOf } from "../../contracts/openapi/model.js";

/** At least half of the operations of the two documents together are in both: one API, moved. */
const OVERLAP = 0.5;

const titleOf = (contract: OpenApiContract) => {
  const title = (contract.document.root.info as { title?: unknown } | undefined)?.title;
  return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
};

/**
 * Whether an OpenAPI document that left the registry and one that came in are one API renamed or
 * moved (no `x-charter-id` to say so): the same `info.title`, or operations mostly in common
 * (`GET /orders/{}`, parameter names aside). Returns how strongly, with the reason a finding
 * states, or undefined for two different APIs. A shared title outranks any overlap.
 */
export function movedOpenApi(before: OpenApiContract, after: OpenApiContract): { score: number; reason: string } | undefined {
  const title = titleOf(before);
  const old = new Set(operationsOf(before).keys());
  const now = [...operationsOf(after).keys()];
  const shared = now.filter((key) => old.has(key)).length;
  const all = old.size + now.length - shared;
  const overlap = all === 0 ? 0 : shared / all;
  if (title !== undefined && title === titleOf(after)) return { score: 1 + overlap, reason: `the same title "${title}"` };
  if (overlap >= OVERLAP) return { score: overlap, reason: `${shared} of ${all} operations in common` };
  return undefined;
}
