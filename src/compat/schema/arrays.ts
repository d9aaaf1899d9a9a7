import type { Relation } from "./change.js";
import { singleSchema } from "./subschemas.js";
import type { SchemaView } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * Arrays: items (`[]` in paths), prefixItems (`[0]`, `[1]`, ...; 2019's array form of items reads
 * the same), contains, uniqueItems and unevaluatedItems. Count bounds live with the other bounds.
 */

/** The tuple part of an array schema, in either spelling. */
const tupleKeyword = (view: SchemaView): string | undefined =>
  Array.isArray(view.get("prefixItems")) ? "prefixItems" : Array.isArray(view.get("items")) ? "items" : undefined;

/** The schema for every (further) item, when it is one schema rather than a tuple. */
const itemsKeyword = (view: SchemaView): string | undefined => {
  const items = view.get("items");
  if (items !== undefined && !Array.isArray(items)) return "items";
  return Array.isArray(items) && view.has("additionalItems") ? "additionalItems" : undefined;
};

export function compareItems(pair: Pair): void {
  const o = itemsKeyword(pair.old);
  const n = itemsKeyword(pair.new);
  if (o && n) return pair.descend(["[]"], pair.old.pointer(o), pair.new.pointer(n));
  if (o) pair.report({ kind: "items-removed", relation: "widened", keyword: o, message: "items schema removed" });
  else if (n) pair.report({ kind: "items-added", relation: "narrowed", keyword: n, message: "items schema added" });
}

export function comparePrefixItems(pair: Pair): void {
  const ok = tupleKeyword(pair.old);
  const nk = tupleKeyword(pair.new);
  const o = ok ? (pair.old.get(ok) as unknown[]) : [];
  const n = nk ? (pair.new.get(nk) as unknown[]) : [];
  for (let i = 0; i < Math.min(o.length, n.length); i++) pair.descend([`[${i}]`], pair.old.pointer(ok!, i), pair.new.pointer(nk!, i));
  if (n.length > o.length) {
    pair.report({ kind: "prefix-items-added", relation: "narrowed", before: ok ? pair.old.pointer(ok) : pair.old.at, after: pair.new.pointer(nk!, o.length), message: `prefixItems grew from ${o.length} to ${n.length} positions` });
  } else if (o.length > n.length) {
    pair.report({ kind: "prefix-items-removed", relation: "widened", before: pair.old.pointer(ok!, n.length), after: nk ? pair.new.pointer(nk) : pair.new.at, message: `prefixItems shrank from ${o.length} to ${n.length} positions` });
  }
}

export const compareContains = singleSchema("contains", "contains", "contains");

export function compareUniqueItems(pair: Pair): void {
  const o = pair.old.get("uniqueItems") === true;
  const n = pair.new.get("uniqueItems") === true;
  if (o === n) return;
  const relation: Relation = n ? "narrowed" : "widened";
  pair.report({ kind: n ? "unique-items-added" : "unique-items-removed", relation, keyword: "uniqueItems", message: n ? "items must now be unique" : "items need no longer be unique" });
}

/** unevaluatedItems: `false` or a schema for items no other keyword covered. */
export const compareUnevaluatedItems = singleSchema("unevaluatedItems", "unevaluated-items", "unevaluatedItems");
