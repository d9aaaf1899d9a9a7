import type { BranchStem } from "../../rules/catalog/schema-kinds.js";
import type { Relation } from "./change.js";
import { segmentsOf, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { typeList } from "./type-branches.js";
import { typeInfo } from "./types.js";
import { canonical, type Schema, type SchemaView } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * oneOf, anyOf and allOf. Branches are paired by who they are, never by position: first by name
 * (the discriminator value that maps to them, else the component their `$ref` names, else their
 * title), then by identical shape, then by the closest shape. A reordered list is no change.
 */
interface Branch {
  at: SchemaPointer;
  view: SchemaView;
  /** The component a `$ref` names, the discriminator value mapped to it, the title: what identifies a branch. */
  component?: string;
  value?: string;
  title?: string;
  /** How paths name the branch. */
  name?: string;
  /** Types, property names, required names and enum: equal shapes are the same branch. */
  shape: string;
  properties: Set<string>;
  types: string;
}

const kebab: Record<string, BranchStem> = { oneOf: "one-of", anyOf: "any-of", allOf: "all-of" };

/** Discriminator mapping of a schema: target component name → discriminator value. */
function mappingOf(view: SchemaView): Map<string, string> {
  const mapping = (view.get("discriminator") as Schema | undefined)?.mapping;
  const byTarget = new Map<string, string>();
  if (mapping && typeof mapping === "object") {
    for (const [value, target] of Object.entries(mapping as Schema)) if (typeof target === "string") byTarget.set(target.split("/").pop()!, value);
  }
  return byTarget;
}

function branchesOf(pair: Pair, side: "old" | "new", keyword: string): Branch[] {
  const owner = pair[side];
  const list = owner.get(keyword);
  if (!Array.isArray(list)) return [];
  const mapping = mappingOf(owner);
  return list.map((_, index) => {
    const at = owner.pointer(keyword, index);
    const view = pair.look(side, at);
    // A branch reached through a $ref lives elsewhere; the component's name identifies it.
    const component = view.at.pointer !== at.pointer || view.at.file !== at.file ? segmentsOf(view.at.pointer).pop() : undefined;
    const value = component && mapping.get(component);
    const title = typeof view.get("title") === "string" ? (view.get("title") as string) : undefined;
    const name = value ?? component ?? title;
    const properties = new Set(Object.keys((view.get("properties") as Schema | undefined) ?? {}));
    return { at, view, component, value, title, name, shape: shapeOf(view), properties, types: typesOf(view) };
  });
}

const typesOf = (view: SchemaView) => [...(typeInfo(view).types ?? [])].sort().join("|");

/** What a schema looks like, in one string: equal shapes are taken for the same branch. */
function shapeOf(view: SchemaView): string {
  const properties = Object.keys((view.get("properties") as Schema | undefined) ?? {}).sort();
  return canonical({ types: typesOf(view), properties, required: view.get("required") ?? [], enum: view.get("enum") ?? null, const: view.get("const") ?? null });
}

/** How alike two unnamed branches are: same types first, then shared property names. */
function likeness(a: Branch, b: Branch): number {
  if (a.types !== b.types && a.types !== "" && b.types !== "") return 0;
  const shared = [...a.properties].filter((p) => b.properties.has(p)).length;
  const all = new Set([...a.properties, ...b.properties]).size;
  return 1 + (all === 0 ? 1 : shared / all);
}

/** Pairs old and new branches; what is left on either side was removed or added. */
function matchBranches(old: Branch[], current: Branch[]): { pairs: [Branch, Branch][]; removed: Branch[]; added: Branch[] } {
  const pairs: [Branch, Branch][] = [];
  const left = new Set(old);
  const right = new Set(current);
  const take = (same: (a: Branch, b: Branch) => boolean) => {
    for (const a of left) {
      const b = [...right].find((candidate) => same(a, candidate));
      if (!b) continue;
      pairs.push([a, b]);
      left.delete(a);
      right.delete(b);
    }
  };
  // A component keeps its name when its discriminator value changes, and the other way round.
  for (const key of ["component", "value", "title"] as const) take((a, b) => a[key] !== undefined && a[key] === b[key]);
  take((a, b) => a.name === undefined && b.name === undefined && a.shape === b.shape);
  // Closest shapes among the unnamed rest, best pairs first.
  const candidates = [...left].flatMap((a) => [...right].map((b) => ({ a, b, score: a.name || b.name ? 0 : likeness(a, b) })));
  for (const { a, b, score } of candidates.sort((x, y) => y.score - x.score)) {
    if (score === 0 || !left.has(a) || !right.has(b)) continue;
    pairs.push([a, b]);
    left.delete(a);
    right.delete(b);
  }
  // One unnamed branch left on each side: the same branch, changed beyond recognition.
  const unnamed = (set: Set<Branch>) => [...set].filter((b) => b.name === undefined);
  const [a] = unnamed(left);
  const [b] = unnamed(right);
  if (unnamed(left).length === 1 && unnamed(right).length === 1) {
    pairs.push([a, b]);
    left.delete(a);
    right.delete(b);
  }
  return { pairs, removed: [...left], added: [...right] };
}

/** Keywords that carry no constraint: an allOf branch made only of them changes no value. */
const annotationOnly = (view: SchemaView) =>
  view.keywords().every((k) => k.startsWith("x-") || ["title", "description", "example", "examples", "deprecated", "externalDocs", "$comment", "default", "readOnly", "writeOnly"].includes(k));

const label = (branch: Branch) => branch.name ?? (branch.types || "any") + (branch.properties.size ? `{${[...branch.properties].join(",")}}` : "");

const composition = (keyword: string) => (pair: Pair): void => {
  // Branches that only list types are a list of types, compared with the type keyword.
  const typesOnly = (view: SchemaView) => !view.has(keyword) || typeList(view.get(keyword)) !== undefined;
  if (typesOnly(pair.old) && typesOnly(pair.new)) return;
  const old = branchesOf(pair, "old", keyword);
  const current = branchesOf(pair, "new", keyword);
  const { pairs, removed, added } = matchBranches(old, current);
  const alternatives = keyword !== "allOf";
  if (old.length === 0 && alternatives && !pair.new.has("type")) {
    // The old schema became one of several alternatives (oasdiff's "wrapped in oneOf"). Whether it
    // survives intact as one of them is not known here, so the wrapping itself is incomparable; the
    // added branches and the lost keywords are reported beside it.
    pair.report({ kind: `wrapped-in-${kebab[keyword]}`, relation: "incomparable", keyword, message: `wrapped in ${keyword}` });
  }
  for (const [a, b] of pairs) pair.descend([`${keyword}:${label(b)}`], a.at, b.at);
  for (const branch of removed) {
    const quiet = !alternatives && annotationOnly(branch.view);
    const relation: Relation = quiet ? "annotation" : alternatives ? "narrowed" : "widened";
    pair.report({ kind: `${kebab[keyword]}-removed${quiet ? "-annotation-only" : ""}`, relation, before: branch.at, after: pair.new.pointer(keyword), message: `${keyword} branch ${label(branch)} removed` });
  }
  for (const branch of added) {
    const quiet = !alternatives && annotationOnly(branch.view);
    const relation: Relation = quiet ? "annotation" : alternatives ? "widened" : "narrowed";
    pair.report({ kind: `${kebab[keyword]}-added${quiet ? "-annotation-only" : ""}`, relation, before: pair.old.pointer(keyword), after: branch.at, message: `${keyword} branch ${label(branch)} added` });
  }
};

export const compareOneOf = composition("oneOf");
export const compareAnyOf = composition("anyOf");
export const compareAllOf = composition("allOf");

/** The discriminator: which property tells the branches apart, and which value names which branch. */
export function compareDiscriminator(pair: Pair): void {
  const o = pair.old.get("discriminator") as Schema | undefined;
  const n = pair.new.get("discriminator") as Schema | undefined;
  if (!o && !n) return;
  if (!o || !n) {
    const kind = n ? "discriminator-added" : "discriminator-removed";
    return pair.report({ kind, relation: "annotation", keyword: "discriminator", message: kind.replace(/-/g, " ") });
  }
  if (o.propertyName !== n.propertyName) {
    pair.report({ kind: "discriminator-property-name-changed", relation: "incomparable", keyword: "discriminator", message: `discriminator property changed from ${String(o.propertyName)} to ${String(n.propertyName)}` });
  }
  const om = (o.mapping ?? {}) as Schema;
  const nm = (n.mapping ?? {}) as Schema;
  // Targets compare by component name, so moving a component to another file is no change.
  const target = (t: unknown) => String(t).split("/").pop();
  for (const value of Object.keys(nm)) {
    const where = { before: pair.old.pointer("discriminator", "mapping"), after: pair.new.pointer("discriminator", "mapping", value) };
    if (!Object.hasOwn(om, value)) pair.report({ kind: "discriminator-mapping-added", relation: "widened", ...where, message: `discriminator value ${value} added` });
    else if (target(om[value]) !== target(nm[value])) {
      pair.report({ kind: "discriminator-mapping-changed", relation: "incomparable", ...where, message: `discriminator value ${value} now maps to ${String(nm[value])}` });
    }
  }
  for (const value of Object.keys(om)) {
    if (!Object.hasOwn(nm, value)) pair.report({ kind: "discriminator-mapping-deleted", relation: "narrowed", before: pair.old.pointer("discriminator", "mapping", value), after: pair.new.pointer("discriminator"), message: `discriminator value ${value} removed` });
  }
}
