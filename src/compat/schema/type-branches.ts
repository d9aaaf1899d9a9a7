/**
 * oneOf/anyOf branches that say nothing but a type: together a list of types, or one schema made
 * nullable by a `{type: "null"}` beside it. Read before a schema is viewed (view.ts sees through a
 * null wrapper) and when its types are compared (types.ts).
 */

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A branch that says nothing but its type: `{type: integer}`. */
const bareType = (branch: unknown): string | undefined =>
  isObject(branch) && typeof branch.type === "string" && Object.keys(branch).every((k) => k === "type" || k === "description" || k === "title")
    ? branch.type
    : undefined;

/** Branches that together only list types, as oasdiff's "list of types" reads them. */
export function typeList(branches: unknown): string[] | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const types = branches.map(bareType);
  return types.every((t): t is string => t !== undefined) ? types : undefined;
}

/**
 * A oneOf/anyOf that only adds null to one other schema (the 3.1 way of writing 3.0's `nullable`):
 * which keyword, and the index of the non-null branch.
 */
export function nullWrapped(schema: Record<string, unknown>): { keyword: string; index: number } | undefined {
  for (const keyword of ["oneOf", "anyOf"]) {
    const branches = schema[keyword];
    if (!Array.isArray(branches) || branches.length !== 2) continue;
    const nulls = branches.map((b) => bareType(b) === "null");
    if (nulls.filter(Boolean).length === 1 && typeList(branches) === undefined) return { keyword, index: nulls.indexOf(false) };
  }
  return undefined;
}
