import type { Json } from "./declared.js";

/** Where a YAML/JSON contract names its owner: charter's key first, then the common `x-owner`. */
export const OWNER_KEYS = ["x-charter-owner", "x-owner"] as const;

/** The owner a contract's `info` (or a JSON Schema's root) names; undefined when none. */
export function ownerOf(value: Json | undefined): string | undefined {
  for (const key of OWNER_KEYS) {
    const found = value?.[key];
    if (typeof found === "string" && found.trim() !== "") return found;
  }
  return undefined;
}
