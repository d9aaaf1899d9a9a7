import { typeList } from "./type-branches.js";
import type { SchemaView } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * Types in one form for OpenAPI 3.0 and 3.1: `type: [string, "null"]`, `type: string` with
 * `nullable: true`, and `anyOf: [{type: string}, {type: "null"}]` all read as the type set
 * {string} plus "nullable". A oneOf/anyOf whose branches only name types is a list of types.
 */
export interface TypeInfo {
  /** The non-null types; undefined when the schema does not constrain the type. */
  types?: Set<string>;
  nullable: boolean;
  /** Declared as several types (a type array or branches that only name types). */
  list: boolean;
}

export function typeInfo(view: SchemaView): TypeInfo {
  const declared = view.get("type");
  let listed: string[] | undefined;
  if (typeof declared === "string") listed = [declared];
  else if (Array.isArray(declared)) listed = declared.filter((t): t is string => typeof t === "string");
  const fromBranches = listed ? undefined : (typeList(view.get("oneOf")) ?? typeList(view.get("anyOf")));
  const all = listed ?? fromBranches;
  const nullable = view.wrappedNullable || view.get("nullable") === true || (all?.includes("null") ?? false);
  if (!all) return { nullable, list: false };
  const types = new Set(all.filter((t) => t !== "null"));
  return { types, nullable, list: types.size > 1 || fromBranches !== undefined };
}

/** integer ⊂ number: the only pair of JSON types where one includes the other. */
const includes = (wide: string, narrow: string) => wide === narrow || (wide === "number" && narrow === "integer");

/** Formats that only widen another one (every int32 is an int64). */
const widerFormat: Record<string, string> = { int32: "int64", float: "double" };

const show = (types: Set<string>) => [...types].sort().join(", ") || "null";

/** Where a schema says it is nullable: its null wrapper, its 3.0 `nullable`, or its type. */
const nullPlace = (view: SchemaView) => (view.wrappedNullable ? view.at : view.pointer(view.has("nullable") ? "nullable" : "type"));

export function compareNullable(pair: Pair): void {
  const before = typeInfo(pair.old).nullable;
  const after = typeInfo(pair.new).nullable;
  if (before === after) return;
  const where = { before: nullPlace(pair.old), after: nullPlace(pair.new) };
  pair.report(after
    ? { kind: "became-nullable", relation: "widened", ...where, message: "became nullable" }
    : { kind: "became-not-nullable", relation: "narrowed", ...where, message: "became not nullable" });
}

/** A schema without its own type whose type comes from its branches (oneOf, anyOf, allOf). */
const composed = (view: SchemaView) => ["oneOf", "anyOf", "allOf"].some((k) => view.has(k));

export function compareType(pair: Pair): void {
  const before = typeInfo(pair.old);
  const after = typeInfo(pair.new);
  const o = before.types;
  const n = after.types;
  if (!o || !n) {
    // Gaining or losing a type when the other side types itself through its branches is reported
    // by the branch comparisons (wrapped in oneOf, list of types), not as a type change.
    if (o === n || (!o && composed(pair.old)) || (!n && composed(pair.new))) return compareFormat(pair);
    return pair.report(n
      ? { kind: "type-specialized", relation: "narrowed", keyword: "type", message: `type set to ${show(n)}` }
      : { kind: "type-generalized", relation: "widened", keyword: "type", message: `type ${show(o!)} removed` });
  }
  const added = [...n].filter((t) => ![...o].some((w) => includes(w, t)));
  const removed = [...o].filter((t) => ![...n].some((w) => includes(w, t)));
  const same = o.size === n.size && [...o].every((t) => n.has(t));
  if (same) return compareFormat(pair);
  const message = `type changed from ${show(o)} to ${show(n)}`;
  if (before.list || after.list) {
    const gained = [...n].filter((t) => !o.has(t));
    const lost = [...o].filter((t) => !n.has(t));
    if (gained.length) pair.report({ kind: "list-of-types-widened", relation: "widened", keyword: "type", message: `types ${gained.join(", ")} added` });
    if (lost.length) pair.report({ kind: "list-of-types-narrowed", relation: "narrowed", keyword: "type", message: `types ${lost.join(", ")} removed` });
    return;
  }
  if (removed.length === 0) return pair.report({ kind: "type-generalized", relation: "widened", keyword: "type", message });
  if (added.length === 0) return pair.report({ kind: "type-specialized", relation: "narrowed", keyword: "type", message });
  pair.report({ kind: "type-changed", relation: "incomparable", keyword: "type", message });
}

/** oasdiff reads a format change as a change of type (int32 → int64 generalises the type). */
function compareFormat(pair: Pair): void {
  const o = pair.old.get("format");
  const n = pair.new.get("format");
  if (o === n) return;
  const message = `format changed from ${o ?? "none"} to ${n ?? "none"}`;
  if (n === undefined || (typeof o === "string" && widerFormat[o] === n)) {
    return pair.report({ kind: "type-generalized", relation: "widened", keyword: "format", message });
  }
  if (o === undefined || (typeof n === "string" && widerFormat[n] === o)) {
    return pair.report({ kind: "type-specialized", relation: "narrowed", keyword: "format", message });
  }
  pair.report({ kind: "type-changed", relation: "incomparable", keyword: "format", message });
}
