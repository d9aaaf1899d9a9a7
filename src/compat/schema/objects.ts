import type { ContentModelStem, SchemaChangeKind } from "../../rules/catalog/schema-kinds.js";
import type { Relation } from "./change.js";
import { asSchema, canonical, type Schema, type SchemaView } from "./view.js";
import { namedSchemas, singleSchema } from "./subschemas.js";
import type { Pair, PropertyFlags } from "./walk.js";

/**
 * Objects: named properties, required, content models (additionalProperties and
 * unevaluatedProperties: open, closed or partially open), patternProperties, propertyNames and
 * the dependent* keywords.
 */
const record = (view: SchemaView, keyword: string): Schema => {
  const value = view.get(keyword);
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : {};
};

const requiredOf = (view: SchemaView): Set<string> => {
  const list = view.get("required");
  return new Set(Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : []);
};

/** How an object treats properties it does not name. */
type Content = "open" | "closed" | "schema";

const contentOf = (value: unknown): Content =>
  value === undefined || value === true ? "open" : value === false || canonical(asSchema(value)) === canonical({ not: {} }) ? "closed" : "schema";

/** Closed to names it does not declare (by additionalProperties or unevaluatedProperties). */
const closed = (view: SchemaView) => contentOf(view.get("additionalProperties")) === "closed" || contentOf(view.get("unevaluatedProperties")) === "closed";

/** A property's flags, read through its `$ref` if it has one. */
const flagsOf = (pair: Pair, side: "old" | "new", name: string, required: boolean): PropertyFlags => {
  const view = pair[side];
  if (!Object.hasOwn(record(view, "properties"), name)) return { required, readOnly: false, writeOnly: false };
  const property = pair.look(side, view.pointer("properties", name));
  return { required, readOnly: property.get("readOnly") === true, writeOnly: property.get("writeOnly") === true };
};

/**
 * A property the old schema did not name, now declared. Leniently (ARCHITECTURE.md, "The compatibility model") no old writer
 * sent it, so only a required one matters; strictly, an open old schema let writers send it with
 * any value, which the new declaration may refuse.
 */
function addedRelation(pair: Pair, required: boolean): Relation {
  const oldClosed = closed(pair.old);
  if (required) return oldClosed ? "incomparable" : "narrowed";
  if (oldClosed) return "widened";
  return pair.strict ? "narrowed" : "annotation";
}

/** A property no longer named: the mirror image of an added one. */
function removedRelation(pair: Pair, required: boolean): Relation {
  const newClosed = closed(pair.new);
  if (required) return newClosed ? "incomparable" : "widened";
  if (newClosed) return "narrowed";
  return pair.strict ? "widened" : "annotation";
}

export function compareProperties(pair: Pair): void {
  const o = record(pair.old, "properties");
  const n = record(pair.new, "properties");
  const oldRequired = requiredOf(pair.old);
  const newRequired = requiredOf(pair.new);
  for (const name of Object.keys(o)) {
    if (Object.hasOwn(n, name)) continue;
    const flags = flagsOf(pair, "old", name, oldRequired.has(name));
    pair.report({
      kind: "property-removed",
      relation: removedRelation(pair, flags.required),
      path: [name],
      ...flags,
      before: pair.old.pointer("properties", name),
      after: pair.new.pointer("properties"),
      message: `${flags.required ? "required" : "optional"} property ${name} removed`,
    });
  }
  for (const name of Object.keys(n)) {
    if (!Object.hasOwn(o, name)) {
      const flags = flagsOf(pair, "new", name, newRequired.has(name));
      pair.report({
        kind: "property-added",
        relation: addedRelation(pair, flags.required),
        path: [name],
        ...flags,
        before: pair.old.pointer("properties"),
        after: pair.new.pointer("properties", name),
        message: `${flags.required ? "required" : "optional"} property ${name} added`,
      });
      continue;
    }
    const property = flagsOf(pair, "new", name, newRequired.has(name));
    pair.descend([name], pair.old.pointer("properties", name), pair.new.pointer("properties", name), { property });
  }
}

/** Required-ness of a name on both sides (declared or not: `required` may list undeclared names). */
export function compareRequired(pair: Pair): void {
  const o = requiredOf(pair.old);
  const n = requiredOf(pair.new);
  const oldProperties = record(pair.old, "properties");
  const newProperties = record(pair.new, "properties");
  // Only names present on both sides: an added or removed property carries its own required flag.
  const onBothSides = (name: string) => Object.hasOwn(oldProperties, name) === Object.hasOwn(newProperties, name);
  for (const name of n) {
    if (o.has(name) || !onBothSides(name)) continue;
    const withDefault = asSchema(newProperties[name]).default !== undefined;
    pair.report({
      kind: withDefault ? "became-required-with-default" : "became-required",
      relation: "narrowed",
      path: [name],
      ...flagsOf(pair, "new", name, true),
      keyword: "required",
      message: `property ${name} became required`,
    });
  }
  for (const name of o) {
    if (n.has(name) || !onBothSides(name)) continue;
    pair.report({
      kind: "became-optional",
      relation: "widened",
      path: [name],
      ...flagsOf(pair, "new", name, false),
      keyword: "required",
      message: `property ${name} became optional`,
    });
  }
}

/**
 * additionalProperties and unevaluatedProperties. Closing or opening an object only matters under
 * the strict reading (leniently, no writer sends undeclared names); a schema for the other names
 * (a map's values) is a declaration and always counts.
 */
const contentModel = (keyword: string, stem: ContentModelStem, step: string) => (pair: Pair): void => {
  const ov = pair.old.get(keyword);
  const nv = pair.new.get(keyword);
  const o = contentOf(ov);
  const n = contentOf(nv);
  if (o === "schema" && n === "schema") return pair.descend([step], pair.old.pointer(keyword), pair.new.pointer(keyword));
  if (o === n) return;
  const openness: Record<Content, number> = { closed: 0, schema: 1, open: 2 };
  const wider = openness[n] > openness[o];
  const declared = o === "schema" || n === "schema";
  const relation: Relation = declared || pair.strict ? (wider ? "widened" : "narrowed") : "annotation";
  const kind: SchemaChangeKind = o === "open" ? `${stem}-added` : n === "open" ? `${stem}-removed` : `${stem}-changed`;
  pair.report({ kind, relation, keyword, message: `${keyword} changed from ${JSON.stringify(ov ?? true)} to ${JSON.stringify(nv ?? true)}` });
};

export const compareAdditionalProperties = contentModel("additionalProperties", "additional-properties", "{}");
export const compareUnevaluatedProperties = contentModel("unevaluatedProperties", "unevaluated-properties", "unevaluatedProperties");

export const comparePatternProperties = namedSchemas("patternProperties", "pattern-property");
export const compareDependentSchemas = namedSchemas("dependentSchemas", "dependent-schema");
export const comparePropertyNames = singleSchema("propertyNames", "property-names", "propertyNames");

/** dependentRequired: names that become required when another one is present. */
export function compareDependentRequired(pair: Pair): void {
  const o = record(pair.old, "dependentRequired");
  const n = record(pair.new, "dependentRequired");
  const names = (v: unknown) => new Set(Array.isArray(v) ? v.map(String) : []);
  for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
    const where = { before: pair.old.pointer("dependentRequired", key), after: pair.new.pointer("dependentRequired", key) };
    if (!Object.hasOwn(n, key)) {
      pair.report({ kind: "dependent-required-removed", relation: "widened", ...where, message: `dependentRequired ${key} removed` });
      continue;
    }
    if (!Object.hasOwn(o, key)) {
      pair.report({ kind: "dependent-required-added", relation: "narrowed", ...where, message: `dependentRequired ${key} added` });
      continue;
    }
    const before = names(o[key]);
    const after = names(n[key]);
    const more = [...after].some((x) => !before.has(x));
    const fewer = [...before].some((x) => !after.has(x));
    if (!more && !fewer) continue;
    const relation: Relation = more && fewer ? "incomparable" : more ? "narrowed" : "widened";
    pair.report({ kind: "dependent-required-changed", relation, ...where, message: `dependentRequired ${key} changed from [${[...before]}] to [${[...after]}]` });
  }
}
