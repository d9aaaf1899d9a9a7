import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkJsonSchema } from "../../../src/compat/jsonschema/check.js";
import type { Change } from "../../../src/compat/finding.js";
import { worst, type Verdict } from "../../../src/compat/verdict.js";
import type { Snapshot } from "../../../src/registry/snapshot.js";

/**
 * One row per kind of payload change, after Confluent Schema Registry's JSON Schema difference
 * types. A JSON Schema contract is a data contract (ARCHITECTURE.md): backward = new readers with old
 * data (old ⊆ new), forward = old readers with new data (new ⊆ old). Each row gives the verdicts of
 * the whole contract (the worst over its findings) and the rule that must be among them.
 */
interface Row {
  /** The Confluent difference type the row stands for, or what it shows. */
  name: string;
  old: object;
  new: object;
  backward: Verdict;
  forward: Verdict;
  /** The rule expected among the findings; none when the change is no change at all. */
  rule?: string;
  /** Confluent's strict reading of open content models (charter.yaml `strict: true`). */
  strict?: boolean;
  /** The shared schema engine gets this row wrong (reported to its owner): run as a todo, not a failure. */
  engine?: string;
}

const FILE = "event.schema.json";
const snapshot = (label: string, schema: object): Snapshot => ({ label, files: new Map([[FILE, JSON.stringify(schema, null, 2)]]), base: "" });

function check(old: object, current: object, strict = false): Change[] {
  return checkJsonSchema(snapshot("old", old), snapshot("new", current), { strict: () => strict }).changes;
}

/** An object schema, open unless `extra` closes it. */
const obj = (properties: object, extra: object = {}) => ({ type: "object", properties, ...extra });
const closed = (properties: object, extra: object = {}) => obj(properties, { additionalProperties: false, ...extra });
const str = (extra: object = {}) => ({ type: "string", ...extra });
const num = (extra: object = {}) => ({ type: "number", ...extra });
const arr = (extra: object = {}) => ({ type: "array", items: { type: "string" }, ...extra });
const field = (schema: object) => obj({ f: schema });

const rows: Row[] = [
  // types
  { name: "TYPE_CHANGED", old: field(str()), new: field({ type: "integer" }), backward: "breaking", forward: "breaking", rule: "type-changed" },
  { name: "TYPE_EXTENDED (integer to number)", old: field({ type: "integer" }), new: field(num()), backward: "compatible", forward: "breaking", rule: "type-generalized" },
  { name: "TYPE_NARROWED (number to integer)", old: field(num()), new: field({ type: "integer" }), backward: "breaking", forward: "compatible", rule: "type-specialized" },
  { name: "TYPE_EXTENDED (type list grew)", old: field({ type: ["string", "integer"] }), new: field({ type: ["string", "integer", "boolean"] }), backward: "compatible", forward: "breaking", rule: "list-of-types-widened" },
  { name: "TYPE_NARROWED (type list shrank)", old: field({ type: ["string", "integer"] }), new: field(str()), backward: "breaking", forward: "compatible", rule: "list-of-types-narrowed" },
  { name: "type added to an untyped schema", old: field({}), new: field(str()), backward: "breaking", forward: "compatible", rule: "type-specialized" },
  { name: "became nullable", old: field(str()), new: field({ type: ["string", "null"] }), backward: "compatible", forward: "breaking", rule: "became-nullable" },
  { name: "became not nullable", old: field({ type: ["string", "null"] }), new: field(str()), backward: "breaking", forward: "compatible", rule: "became-not-nullable" },
  // strings
  { name: "MAX_LENGTH_ADDED", old: field(str()), new: field(str({ maxLength: 10 })), backward: "breaking", forward: "compatible", rule: "max-length-set" },
  { name: "MAX_LENGTH_REMOVED", old: field(str({ maxLength: 10 })), new: field(str()), backward: "compatible", forward: "breaking", rule: "max-length-unset" },
  { name: "MAX_LENGTH_INCREASED", old: field(str({ maxLength: 10 })), new: field(str({ maxLength: 20 })), backward: "compatible", forward: "breaking", rule: "max-length-increased" },
  { name: "MAX_LENGTH_DECREASED", old: field(str({ maxLength: 20 })), new: field(str({ maxLength: 10 })), backward: "breaking", forward: "compatible", rule: "max-length-decreased" },
  { name: "MIN_LENGTH_ADDED", old: field(str()), new: field(str({ minLength: 2 })), backward: "breaking", forward: "compatible", rule: "min-length-set" },
  { name: "MIN_LENGTH_REMOVED", old: field(str({ minLength: 2 })), new: field(str()), backward: "compatible", forward: "breaking", rule: "min-length-unset" },
  { name: "MIN_LENGTH_INCREASED", old: field(str({ minLength: 2 })), new: field(str({ minLength: 3 })), backward: "breaking", forward: "compatible", rule: "min-length-increased" },
  { name: "MIN_LENGTH_DECREASED", old: field(str({ minLength: 3 })), new: field(str({ minLength: 2 })), backward: "compatible", forward: "breaking", rule: "min-length-decreased" },
  { name: "PATTERN_ADDED", old: field(str()), new: field(str({ pattern: "^[A-Z]{3}$" })), backward: "breaking", forward: "compatible", rule: "pattern-added" },
  { name: "PATTERN_REMOVED", old: field(str({ pattern: "^[A-Z]{3}$" })), new: field(str()), backward: "compatible", forward: "breaking", rule: "pattern-removed" },
  { name: "PATTERN_CHANGED", old: field(str({ pattern: "^[A-Z]{3}$" })), new: field(str({ pattern: "^[a-z]{3}$" })), backward: "breaking", forward: "breaking", rule: "pattern-changed" },
  // numbers
  { name: "MAXIMUM_ADDED", old: field(num()), new: field(num({ maximum: 100 })), backward: "breaking", forward: "compatible", rule: "max-set" },
  { name: "MAXIMUM_REMOVED", old: field(num({ maximum: 100 })), new: field(num()), backward: "compatible", forward: "breaking", rule: "max-unset" },
  { name: "MAXIMUM_INCREASED", old: field(num({ maximum: 100 })), new: field(num({ maximum: 200 })), backward: "compatible", forward: "breaking", rule: "max-increased" },
  { name: "MAXIMUM_DECREASED", old: field(num({ maximum: 200 })), new: field(num({ maximum: 100 })), backward: "breaking", forward: "compatible", rule: "max-decreased" },
  { name: "MINIMUM_ADDED", old: field(num()), new: field(num({ minimum: 1 })), backward: "breaking", forward: "compatible", rule: "min-set" },
  { name: "MINIMUM_REMOVED", old: field(num({ minimum: 1 })), new: field(num()), backward: "compatible", forward: "breaking", rule: "min-unset" },
  { name: "MINIMUM_INCREASED", old: field(num({ minimum: 1 })), new: field(num({ minimum: 5 })), backward: "breaking", forward: "compatible", rule: "min-increased" },
  { name: "MINIMUM_DECREASED", old: field(num({ minimum: 5 })), new: field(num({ minimum: 1 })), backward: "compatible", forward: "breaking", rule: "min-decreased" },
  { name: "EXCLUSIVE_MAXIMUM_ADDED", old: field(num()), new: field(num({ exclusiveMaximum: 100 })), backward: "breaking", forward: "compatible", rule: "exclusive-max-set" },
  { name: "EXCLUSIVE_MAXIMUM_REMOVED", old: field(num({ exclusiveMaximum: 100 })), new: field(num()), backward: "compatible", forward: "breaking", rule: "exclusive-max-unset" },
  { name: "EXCLUSIVE_MAXIMUM_INCREASED", old: field(num({ exclusiveMaximum: 100 })), new: field(num({ exclusiveMaximum: 200 })), backward: "compatible", forward: "breaking", rule: "exclusive-max-increased" },
  { name: "EXCLUSIVE_MAXIMUM_DECREASED", old: field(num({ exclusiveMaximum: 200 })), new: field(num({ exclusiveMaximum: 100 })), backward: "breaking", forward: "compatible", rule: "exclusive-max-decreased" },
  { name: "EXCLUSIVE_MINIMUM_ADDED", old: field(num()), new: field(num({ exclusiveMinimum: 0 })), backward: "breaking", forward: "compatible", rule: "exclusive-min-set" },
  { name: "EXCLUSIVE_MINIMUM_REMOVED", old: field(num({ exclusiveMinimum: 0 })), new: field(num()), backward: "compatible", forward: "breaking", rule: "exclusive-min-unset" },
  { name: "EXCLUSIVE_MINIMUM_INCREASED", old: field(num({ exclusiveMinimum: 0 })), new: field(num({ exclusiveMinimum: 10 })), backward: "breaking", forward: "compatible", rule: "exclusive-min-increased" },
  { name: "EXCLUSIVE_MINIMUM_DECREASED", old: field(num({ exclusiveMinimum: 10 })), new: field(num({ exclusiveMinimum: 0 })), backward: "compatible", forward: "breaking", rule: "exclusive-min-decreased" },
  { name: "MULTIPLE_OF_ADDED", old: field(num()), new: field(num({ multipleOf: 2 })), backward: "breaking", forward: "compatible", rule: "multiple-of-set" },
  { name: "MULTIPLE_OF_REMOVED", old: field(num({ multipleOf: 2 })), new: field(num()), backward: "compatible", forward: "breaking", rule: "multiple-of-unset" },
  { name: "MULTIPLE_OF_EXPANDED (2 to 4)", old: field(num({ multipleOf: 2 })), new: field(num({ multipleOf: 4 })), backward: "breaking", forward: "compatible", rule: "multiple-of-increased" },
  { name: "MULTIPLE_OF_REDUCED (4 to 2)", old: field(num({ multipleOf: 4 })), new: field(num({ multipleOf: 2 })), backward: "compatible", forward: "breaking", rule: "multiple-of-decreased" },
  { name: "MULTIPLE_OF_CHANGED (2 to 3)", old: field(num({ multipleOf: 2 })), new: field(num({ multipleOf: 3 })), backward: "breaking", forward: "breaking", rule: "multiple-of-changed" },
  // enums and constants
  { name: "ENUM_ARRAY_EXTENDED", old: field(str({ enum: ["a", "b"] })), new: field(str({ enum: ["a", "b", "c"] })), backward: "compatible", forward: "breaking", rule: "enum-value-added" },
  {
    name: "ENUM_ARRAY_EXTENDED where old readers declare a fallback",
    old: field(str({ enum: ["a", "b"], "x-charter-enum-fallback": "a" })),
    new: field(str({ enum: ["a", "b", "c"], "x-charter-enum-fallback": "a" })),
    backward: "compatible",
    forward: "conditional",
    rule: "enum-value-added",
  },
  { name: "ENUM_ARRAY_NARROWED", old: field(str({ enum: ["a", "b"] })), new: field(str({ enum: ["a"] })), backward: "breaking", forward: "compatible", rule: "enum-value-removed" },
  { name: "ENUM_ARRAY_CHANGED", old: field(str({ enum: ["a", "b"] })), new: field(str({ enum: ["a", "c"] })), backward: "breaking", forward: "breaking", rule: "enum-value-removed" },
  { name: "enum added", old: field(str()), new: field(str({ enum: ["a"] })), backward: "breaking", forward: "compatible", rule: "became-enum" },
  { name: "enum removed", old: field(str({ enum: ["a"] })), new: field(str()), backward: "compatible", forward: "breaking", rule: "became-not-enum" },
  { name: "const added", old: field(str()), new: field(str({ const: "a" })), backward: "breaking", forward: "compatible", rule: "const-added" },
  { name: "const changed", old: field({ const: "a" }), new: field({ const: "b" }), backward: "breaking", forward: "breaking", rule: "const-changed" },
  // properties in open and closed content models
  { name: "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL (optional, lenient)", old: obj({}), new: obj({ a: str() }), backward: "compatible", forward: "compatible", rule: "property-added" },
  { name: "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL (optional, strict)", old: obj({}), new: obj({ a: str() }), backward: "breaking", forward: "compatible", rule: "property-added", strict: true },
  { name: "PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL (optional)", old: closed({}), new: closed({ a: str() }), backward: "compatible", forward: "breaking", rule: "property-added" },
  { name: "PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL (optional, strict)", old: closed({}), new: closed({ a: str() }), backward: "compatible", forward: "breaking", rule: "property-added", strict: true },
  { name: "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL (open)", old: obj({}), new: obj({ a: str() }, { required: ["a"] }), backward: "breaking", forward: "compatible", rule: "property-added" },
  { name: "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL (closed)", old: closed({}), new: closed({ a: str() }, { required: ["a"] }), backward: "breaking", forward: "breaking", rule: "property-added" },
  { name: "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL (optional, lenient)", old: obj({ a: str() }), new: obj({}), backward: "compatible", forward: "compatible", rule: "property-removed" },
  { name: "PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL (optional, strict)", old: obj({ a: str() }), new: obj({}), backward: "compatible", forward: "breaking", rule: "property-removed", strict: true },
  { name: "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL (optional)", old: closed({ a: str() }), new: closed({}), backward: "breaking", forward: "compatible", rule: "property-removed" },
  { name: "required property removed from an open model", old: obj({ a: str() }, { required: ["a"] }), new: obj({}), backward: "compatible", forward: "breaking", rule: "property-removed" },
  { name: "required property removed from a closed model", old: closed({ a: str() }, { required: ["a"] }), new: closed({}), backward: "breaking", forward: "breaking", rule: "property-removed" },
  { name: "REQUIRED_ATTRIBUTE_ADDED", old: obj({ a: str() }), new: obj({ a: str() }, { required: ["a"] }), backward: "breaking", forward: "compatible", rule: "became-required" },
  { name: "REQUIRED_ATTRIBUTE_REMOVED", old: obj({ a: str() }, { required: ["a"] }), new: obj({ a: str() }), backward: "compatible", forward: "breaking", rule: "became-optional" },
  { name: "property type changed in a nested object", old: obj({ address: obj({ zip: str() }) }), new: obj({ address: obj({ zip: { type: "integer" } }) }), backward: "breaking", forward: "breaking", rule: "type-changed" },
  // additionalProperties
  { name: "ADDITIONAL_PROPERTIES_REMOVED (closed, lenient)", old: obj({ a: str() }), new: closed({ a: str() }), backward: "compatible", forward: "compatible", rule: "additional-properties-added" },
  { name: "ADDITIONAL_PROPERTIES_REMOVED (closed, strict)", old: obj({ a: str() }), new: closed({ a: str() }), backward: "breaking", forward: "compatible", rule: "additional-properties-added", strict: true },
  { name: "ADDITIONAL_PROPERTIES_ADDED (opened, strict)", old: closed({ a: str() }), new: obj({ a: str() }), backward: "compatible", forward: "breaking", rule: "additional-properties-removed", strict: true },
  { name: "ADDITIONAL_PROPERTIES_NARROWED (a map's values)", old: obj({}, { additionalProperties: num() }), new: obj({}, { additionalProperties: { type: "integer" } }), backward: "breaking", forward: "compatible", rule: "type-specialized" },
  { name: "ADDITIONAL_PROPERTIES_EXTENDED (a map's values)", old: obj({}, { additionalProperties: { type: "integer" } }), new: obj({}, { additionalProperties: num() }), backward: "compatible", forward: "breaking", rule: "type-generalized" },
  { name: "additionalProperties schema closed to false", old: obj({}, { additionalProperties: str() }), new: closed({}), backward: "breaking", forward: "compatible", rule: "additional-properties-changed" },
  { name: "patternProperties added", old: obj({}), new: obj({}, { patternProperties: { "^x-": str() } }), backward: "breaking", forward: "compatible", rule: "pattern-property-added" },
  { name: "propertyNames added", old: obj({}), new: obj({}, { propertyNames: { pattern: "^[a-z]+$" } }), backward: "breaking", forward: "compatible", rule: "property-names-added" },
  // property counts and dependencies
  { name: "MAX_PROPERTIES_ADDED", old: obj({}), new: obj({}, { maxProperties: 5 }), backward: "breaking", forward: "compatible", rule: "max-properties-set" },
  { name: "MAX_PROPERTIES_INCREASED", old: obj({}, { maxProperties: 5 }), new: obj({}, { maxProperties: 9 }), backward: "compatible", forward: "breaking", rule: "max-properties-increased" },
  { name: "MIN_PROPERTIES_ADDED", old: obj({}), new: obj({}, { minProperties: 1 }), backward: "breaking", forward: "compatible", rule: "min-properties-set" },
  { name: "MIN_PROPERTIES_DECREASED", old: obj({}, { minProperties: 2 }), new: obj({}, { minProperties: 1 }), backward: "compatible", forward: "breaking", rule: "min-properties-decreased" },
  { name: "DEPENDENCY_ARRAY_ADDED", old: obj({ a: str(), b: str() }), new: obj({ a: str(), b: str() }, { dependentRequired: { a: ["b"] } }), backward: "breaking", forward: "compatible", rule: "dependent-required-added" },
  { name: "DEPENDENCY_ARRAY_REMOVED", old: obj({ a: str(), b: str() }, { dependentRequired: { a: ["b"] } }), new: obj({ a: str(), b: str() }), backward: "compatible", forward: "breaking", rule: "dependent-required-removed" },
  {
    name: "DEPENDENCY_ARRAY_EXTENDED",
    old: obj({ a: str(), b: str(), c: str() }, { dependentRequired: { a: ["b"] } }),
    new: obj({ a: str(), b: str(), c: str() }, { dependentRequired: { a: ["b", "c"] } }),
    backward: "breaking",
    forward: "compatible",
    rule: "dependent-required-changed",
  },
  {
    name: "DEPENDENCY_ARRAY_REMOVED (draft-07 dependencies)",
    old: obj({ a: str(), b: str() }, { dependencies: { a: ["b"] } }),
    new: obj({ a: str(), b: str() }),
    backward: "compatible",
    forward: "breaking",
    engine: "draft 4-7 `dependencies` (array and schema forms) is not compared at all",
  },
  { name: "DEPENDENCY_SCHEMA_ADDED", old: obj({ a: str() }), new: obj({ a: str() }, { dependentSchemas: { a: { required: ["b"] } } }), backward: "breaking", forward: "compatible", rule: "dependent-schema-added" },
  // arrays
  { name: "MAX_ITEMS_ADDED", old: field(arr()), new: field(arr({ maxItems: 3 })), backward: "breaking", forward: "compatible", rule: "max-items-set" },
  { name: "MAX_ITEMS_REMOVED", old: field(arr({ maxItems: 3 })), new: field(arr()), backward: "compatible", forward: "breaking", rule: "max-items-unset" },
  { name: "MAX_ITEMS_DECREASED", old: field(arr({ maxItems: 5 })), new: field(arr({ maxItems: 3 })), backward: "breaking", forward: "compatible", rule: "max-items-decreased" },
  { name: "MIN_ITEMS_ADDED", old: field(arr()), new: field(arr({ minItems: 1 })), backward: "breaking", forward: "compatible", rule: "min-items-set" },
  { name: "MIN_ITEMS_DECREASED", old: field(arr({ minItems: 2 })), new: field(arr({ minItems: 1 })), backward: "compatible", forward: "breaking", rule: "min-items-decreased" },
  { name: "UNIQUE_ITEMS_ADDED", old: field(arr()), new: field(arr({ uniqueItems: true })), backward: "breaking", forward: "compatible", rule: "unique-items-added" },
  { name: "UNIQUE_ITEMS_REMOVED", old: field(arr({ uniqueItems: true })), new: field(arr()), backward: "compatible", forward: "breaking", rule: "unique-items-removed" },
  { name: "item type changed", old: field(arr()), new: field(arr({ items: { type: "integer" } })), backward: "breaking", forward: "breaking", rule: "type-changed" },
  { name: "ADDITIONAL_ITEMS_REMOVED (tuple closed)", old: field({ type: "array", prefixItems: [str()] }), new: field({ type: "array", prefixItems: [str()], items: false }), backward: "breaking", forward: "compatible", rule: "items-added" },
  { name: "ADDITIONAL_ITEMS_ADDED (tuple opened)", old: field({ type: "array", prefixItems: [str()], items: false }), new: field({ type: "array", prefixItems: [str()] }), backward: "compatible", forward: "breaking", rule: "items-removed" },
  { name: "ITEM_ADDED_TO_OPEN_CONTENT_MODEL", old: field({ type: "array", prefixItems: [str()] }), new: field({ type: "array", prefixItems: [str(), num()] }), backward: "breaking", forward: "compatible", rule: "prefix-items-added" },
  {
    name: "ITEM_ADDED_TO_CLOSED_CONTENT_MODEL",
    old: field({ type: "array", prefixItems: [str()], items: { not: {} } }),
    new: field({ type: "array", prefixItems: [str(), num()], items: { not: {} } }),
    backward: "compatible",
    forward: "breaking",
    rule: "prefix-items-added",
    engine: "prefix-items-added is always narrowed; behind a closed tuple a new position widens",
  },
  { name: "ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL", old: field({ type: "array", prefixItems: [str(), num()] }), new: field({ type: "array", prefixItems: [str()] }), backward: "compatible", forward: "breaking", rule: "prefix-items-removed" },
  {
    name: "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL",
    old: field({ type: "array", prefixItems: [str(), num()], items: { not: {} } }),
    new: field({ type: "array", prefixItems: [str()], items: { not: {} } }),
    backward: "breaking",
    forward: "compatible",
    rule: "prefix-items-removed",
    engine: "prefix-items-removed is always widened; behind a closed tuple a dropped position narrows",
  },
  {
    name: "closed tuple (items: false on both sides) grows",
    old: field({ type: "array", prefixItems: [str()], items: false }),
    new: field({ type: "array", prefixItems: [str(), num()], items: false }),
    backward: "compatible",
    forward: "breaking",
    rule: "prefix-items-added",
    engine: "a `false` subschema on both sides throws: asSchema(false) is {not: {}}, and compareNot descends to a pointer (/items/not) that is not in the file",
  },
  { name: "contains added", old: field(arr()), new: field(arr({ contains: { const: "x" } })), backward: "breaking", forward: "compatible", rule: "contains-added" },
  // combined types
  { name: "SUM_TYPE_EXTENDED (anyOf branch added)", old: field({ anyOf: [str(), obj({ a: str() })] }), new: field({ anyOf: [str(), obj({ a: str() }), { type: "array" }] }), backward: "compatible", forward: "breaking", rule: "any-of-added" },
  { name: "SUM_TYPE_NARROWED (oneOf branch removed)", old: field({ oneOf: [str({ maxLength: 3 }), obj({ a: str() })] }), new: field({ oneOf: [str({ maxLength: 3 })] }), backward: "breaking", forward: "compatible", rule: "one-of-removed" },
  { name: "PRODUCT_TYPE_EXTENDED (allOf branch added)", old: field({ allOf: [obj({ a: str() })] }), new: field({ allOf: [obj({ a: str() }), { required: ["a"] }] }), backward: "breaking", forward: "compatible", rule: "all-of-added" },
  { name: "PRODUCT_TYPE_NARROWED (allOf branch removed)", old: field({ allOf: [obj({ a: str() }), { required: ["a"] }] }), new: field({ allOf: [obj({ a: str() })] }), backward: "compatible", forward: "breaking", rule: "all-of-removed" },
  { name: "COMBINED_TYPE_SUBSCHEMAS_CHANGED (a branch narrowed)", old: field({ oneOf: [str({ maxLength: 5 }), obj({ a: str() })] }), new: field({ oneOf: [str({ maxLength: 3 }), obj({ a: str() })] }), backward: "breaking", forward: "compatible", rule: "max-length-decreased" },
  {
    name: "COMBINED_TYPE_EXTENDED (a schema became one of several)",
    old: field(str()),
    new: field({ oneOf: [str(), obj({ a: str() })] }),
    backward: "compatible",
    forward: "breaking",
    engine: "wrapped-in-one-of is incomparable even when the old schema is one of the new branches unchanged (and that branch is also reported as added)",
  },
  { name: "NOT_TYPE_EXTENDED", old: field({ not: str() }), new: field({ not: { type: ["string", "integer"] } }), backward: "breaking", forward: "compatible", rule: "list-of-types-widened" },
  { name: "NOT_TYPE_NARROWED", old: field({ not: { type: ["string", "integer"] } }), new: field({ not: str() }), backward: "compatible", forward: "breaking", rule: "list-of-types-narrowed" },
  { name: "not added", old: field({}), new: field({ not: { const: "" } }), backward: "breaking", forward: "compatible", rule: "not-added" },
  { name: "then added to an if", old: field({ if: { properties: { a: { const: 1 } } } }), new: field({ if: { properties: { a: { const: 1 } } }, then: { required: ["b"] } }), backward: "breaking", forward: "compatible", rule: "then-added" },
  {
    name: "a boolean false property kept on both sides",
    old: obj({ a: false, b: str() }),
    new: obj({ a: false, b: str({ maxLength: 3 }) }),
    backward: "breaking",
    forward: "compatible",
    rule: "max-length-set",
  },
  // no change to the values
  { name: "description and title changed", old: field(str({ description: "old" })), new: field(str({ description: "new", title: "F" })), backward: "compatible", forward: "compatible" },
  { name: "default changed", old: field(str({ default: "a" })), new: field(str({ default: "b" })), backward: "compatible", forward: "compatible", rule: "default-value-changed" },
  {
    name: "a root that is a $ref into its own definitions",
    old: { $ref: "#/definitions/Order", definitions: { Order: obj({ id: str({ maxLength: 20 }) }) } },
    new: { $ref: "#/definitions/Order", definitions: { Order: obj({ id: str({ maxLength: 10 }) }) } },
    backward: "breaking",
    forward: "compatible",
    rule: "max-length-decreased",
  },
  {
    name: "inline schema moved behind a $ref",
    old: obj({ address: obj({ zip: str() }) }),
    new: { ...obj({ address: { $ref: "#/$defs/Address" } }), $defs: { Address: obj({ zip: str() }) } },
    backward: "compatible",
    forward: "compatible",
  },
];

describe("JSON Schema payload changes (Confluent's difference types)", () => {
  for (const row of rows) {
    it(`${row.name}${row.strict ? " [strict]" : ""}`, row.engine ? { todo: `schema engine: ${row.engine}` } : {}, () => {
      const changes = check(row.old, row.new, row.strict);
      const seen = changes.map((c) => `${c.rule} ${c.backward}/${c.forward}`).join("; ");
      assert.deepEqual(
        { backward: worst(...changes.map((c) => c.backward)), forward: worst(...changes.map((c) => c.forward)) },
        { backward: row.backward, forward: row.forward },
        `found: ${seen || "nothing"}`,
      );
      if (row.rule) assert.ok(changes.some((c) => c.rule === row.rule), `expected ${row.rule}, found: ${seen || "nothing"}`);
    });
  }

  it("covers at least 40 distinct kinds of change, in open and closed models, and with strict", () => {
    const passing = rows.filter((r) => !r.engine);
    assert.ok(new Set(passing.map((r) => r.name.replace(/ \(.*\)$/, ""))).size >= 40);
    assert.ok(rows.some((r) => r.strict));
    assert.ok(rows.some((r) => JSON.stringify(r.old).includes('"additionalProperties":false')));
  });
});
