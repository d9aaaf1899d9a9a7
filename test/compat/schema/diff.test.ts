import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";
import type { Relation, SchemaChange } from "../../../src/compat/schema/change.js";
import { diffSchemas } from "../../../src/compat/schema/diff.js";
import { flows } from "../../../src/compat/schema/flows.js";

/** A document holding the compared schema at /S and any components it references at /C/<name>. */
const source = (doc: object) => createSchemaSource(new Map([["a.yaml", JSON.stringify(doc)]]), "");

function diff(before: object, after: object, options: { strict?: boolean } = {}): readonly SchemaChange[] {
  const at = { file: "a.yaml", pointer: "/S" };
  return diffSchemas(at, at, { previous: source(before), current: source(after) }, options);
}

/** path, kind, relation: the parts of a change a table row checks. */
type Expected = [string, string, Relation];
const brief = (changes: readonly SchemaChange[]): Expected[] => changes.map((c) => [c.path.join("."), c.kind, c.relation]);

interface Row {
  name: string;
  old: object;
  new: object;
  /** Changes from old to new. */
  forward: Expected[];
  /** Changes from new to old (the same edit undone). */
  backward: Expected[];
  strict?: boolean;
}

const s = (schema: object, components: object = {}) => ({ S: schema, C: components });
const obj = (properties: object, extra: object = {}) => s({ type: "object", properties, ...extra });

const rows: Row[] = [
  // type and nullability
  { name: "type changed", old: s({ type: "string" }), new: s({ type: "integer" }), forward: [["", "type-changed", "incomparable"]], backward: [["", "type-changed", "incomparable"]] },
  { name: "integer to number", old: s({ type: "integer" }), new: s({ type: "number" }), forward: [["", "type-generalized", "widened"]], backward: [["", "type-specialized", "narrowed"]] },
  { name: "format int32 to int64", old: s({ type: "integer", format: "int32" }), new: s({ type: "integer", format: "int64" }), forward: [["", "type-generalized", "widened"]], backward: [["", "type-specialized", "narrowed"]] },
  { name: "format changed", old: s({ type: "string", format: "uuid" }), new: s({ type: "string", format: "email" }), forward: [["", "type-changed", "incomparable"]], backward: [["", "type-changed", "incomparable"]] },
  { name: "3.0 nullable", old: s({ type: "string" }), new: s({ type: "string", nullable: true }), forward: [["", "became-nullable", "widened"]], backward: [["", "became-not-nullable", "narrowed"]] },
  { name: "3.1 type array with null", old: s({ type: "string" }), new: s({ type: ["string", "null"] }), forward: [["", "became-nullable", "widened"]], backward: [["", "became-not-nullable", "narrowed"]] },
  { name: "3.0 nullable and 3.1 null type are the same", old: s({ type: "string", nullable: true }), new: s({ type: ["string", "null"] }), forward: [], backward: [] },
  {
    name: "null branch wrapping a $ref",
    old: s({ $ref: "#/C/E" }, { E: { type: "string", enum: ["a", "b"] } }),
    new: s({ oneOf: [{ type: "null" }, { $ref: "#/C/E" }] }, { E: { type: "string", enum: ["a", "b"] } }),
    forward: [["", "became-nullable", "widened"]],
    backward: [["", "became-not-nullable", "narrowed"]],
  },
  { name: "type array widened", old: s({ type: ["string", "integer"] }), new: s({ type: ["string", "integer", "boolean"] }), forward: [["", "list-of-types-widened", "widened"]], backward: [["", "list-of-types-narrowed", "narrowed"]] },
  {
    name: "oneOf of bare types is a list of types",
    old: s({ type: "string" }),
    new: s({ oneOf: [{ type: "string" }, { type: "integer" }] }),
    forward: [["", "list-of-types-widened", "widened"]],
    backward: [["", "list-of-types-narrowed", "narrowed"]],
  },
  // enum and const
  { name: "enum value added", old: s({ type: "string", enum: ["a"] }), new: s({ type: "string", enum: ["a", "b"] }), forward: [["", "enum-value-added", "widened"]], backward: [["", "enum-value-removed", "narrowed"]] },
  { name: "enum reordered", old: s({ enum: ["a", "b"] }), new: s({ enum: ["b", "a"] }), forward: [], backward: [] },
  { name: "became enum", old: s({ type: "string" }), new: s({ type: "string", enum: ["a"] }), forward: [["", "became-enum", "narrowed"]], backward: [["", "became-not-enum", "widened"]] },
  { name: "const added", old: s({ type: "string" }), new: s({ type: "string", const: "a" }), forward: [["", "const-added", "narrowed"]], backward: [["", "const-removed", "widened"]] },
  { name: "const changed", old: s({ const: "a" }), new: s({ const: "b" }), forward: [["", "const-changed", "incomparable"]], backward: [["", "const-changed", "incomparable"]] },
  {
    name: "x-extensible-enum value removed",
    old: s({ type: "string", "x-extensible-enum": ["a", "b"] }),
    new: s({ type: "string", "x-extensible-enum": ["a"] }),
    forward: [["", "x-extensible-enum-value-removed", "narrowed"]],
    backward: [["", "enum-value-added", "widened"]],
  },
  // required and properties (lenient reading)
  { name: "became required", old: obj({ a: { type: "string" } }), new: obj({ a: { type: "string" } }, { required: ["a"] }), forward: [["a", "became-required", "narrowed"]], backward: [["a", "became-optional", "widened"]] },
  {
    name: "became required with default",
    old: obj({ a: { type: "string", default: "x" } }),
    new: obj({ a: { type: "string", default: "x" } }, { required: ["a"] }),
    forward: [["a", "became-required-with-default", "narrowed"]],
    backward: [["a", "became-optional", "widened"]],
  },
  { name: "optional property added (lenient)", old: obj({}), new: obj({ a: { type: "string" } }), forward: [["a", "property-added", "annotation"]], backward: [["a", "property-removed", "annotation"]] },
  { name: "required property added", old: obj({}), new: obj({ a: { type: "string" } }, { required: ["a"] }), forward: [["a", "property-added", "narrowed"]], backward: [["a", "property-removed", "widened"]] },
  {
    name: "optional property added to a closed object",
    old: obj({}, { additionalProperties: false }),
    new: obj({ a: { type: "string" } }, { additionalProperties: false }),
    forward: [["a", "property-added", "widened"]],
    backward: [["a", "property-removed", "narrowed"]],
  },
  {
    name: "optional property added (strict, open object)",
    old: obj({}),
    new: obj({ a: { type: "string" } }),
    forward: [["a", "property-added", "narrowed"]],
    backward: [["a", "property-removed", "widened"]],
    strict: true,
  },
  { name: "nested property type", old: obj({ a: obj({ b: { type: "string" } }).S }), new: obj({ a: obj({ b: { type: "integer" } }).S }), forward: [["a.b", "type-changed", "incomparable"]], backward: [["a.b", "type-changed", "incomparable"]] },
  // content models
  { name: "object closed (lenient)", old: obj({ a: {} }), new: obj({ a: {} }, { additionalProperties: false }), forward: [["", "additional-properties-added", "annotation"]], backward: [["", "additional-properties-removed", "annotation"]] },
  { name: "object closed (strict)", old: obj({ a: {} }), new: obj({ a: {} }, { additionalProperties: false }), forward: [["", "additional-properties-added", "narrowed"]], backward: [["", "additional-properties-removed", "widened"]], strict: true },
  { name: "map values declared", old: s({ type: "object" }), new: s({ type: "object", additionalProperties: { type: "string" } }), forward: [["", "additional-properties-added", "narrowed"]], backward: [["", "additional-properties-removed", "widened"]] },
  {
    name: "map value type",
    old: s({ type: "object", additionalProperties: { type: "string", maxLength: 5 } }),
    new: s({ type: "object", additionalProperties: { type: "string", maxLength: 3 } }),
    forward: [["{}", "max-length-decreased", "narrowed"]],
    backward: [["{}", "max-length-increased", "widened"]],
  },
  { name: "map closed", old: s({ type: "object", additionalProperties: { type: "string" } }), new: s({ type: "object", additionalProperties: false }), forward: [["", "additional-properties-changed", "narrowed"]], backward: [["", "additional-properties-changed", "widened"]] },
  { name: "patternProperties", old: s({ type: "object" }), new: s({ type: "object", patternProperties: { "^x-": { type: "string" } } }), forward: [["", "pattern-property-added", "narrowed"]], backward: [["", "pattern-property-removed", "widened"]] },
  {
    name: "patternProperties schema",
    old: s({ patternProperties: { "^x-": { type: "string" } } }),
    new: s({ patternProperties: { "^x-": { type: "integer" } } }),
    forward: [["patternProperties:^x-", "type-changed", "incomparable"]],
    backward: [["patternProperties:^x-", "type-changed", "incomparable"]],
  },
  { name: "propertyNames", old: s({ type: "object" }), new: s({ type: "object", propertyNames: { maxLength: 3 } }), forward: [["", "property-names-added", "narrowed"]], backward: [["", "property-names-removed", "widened"]] },
  { name: "propertyNames schema", old: s({ propertyNames: { maxLength: 3 } }), new: s({ propertyNames: { maxLength: 5 } }), forward: [["propertyNames", "max-length-increased", "widened"]], backward: [["propertyNames", "max-length-decreased", "narrowed"]] },
  { name: "min/max properties", old: s({ maxProperties: 5 }), new: s({ maxProperties: 3, minProperties: 1 }), forward: [["", "min-properties-set", "narrowed"], ["", "max-properties-decreased", "narrowed"]], backward: [["", "min-properties-unset", "widened"], ["", "max-properties-increased", "widened"]] },
  { name: "dependentRequired added", old: s({}), new: s({ dependentRequired: { a: ["b"] } }), forward: [["", "dependent-required-added", "narrowed"]], backward: [["", "dependent-required-removed", "widened"]] },
  { name: "dependentRequired changed", old: s({ dependentRequired: { a: ["b"] } }), new: s({ dependentRequired: { a: ["b", "c"] } }), forward: [["", "dependent-required-changed", "narrowed"]], backward: [["", "dependent-required-changed", "widened"]] },
  { name: "dependentSchemas", old: s({}), new: s({ dependentSchemas: { a: { required: ["b"] } } }), forward: [["", "dependent-schema-added", "narrowed"]], backward: [["", "dependent-schema-removed", "widened"]] },
  { name: "unevaluatedProperties", old: s({ type: "object" }), new: s({ type: "object", unevaluatedProperties: { type: "string" } }), forward: [["", "unevaluated-properties-added", "narrowed"]], backward: [["", "unevaluated-properties-removed", "widened"]] },
  // arrays
  { name: "items type", old: s({ type: "array", items: { type: "string" } }), new: s({ type: "array", items: { type: "integer" } }), forward: [["[]", "type-changed", "incomparable"]], backward: [["[]", "type-changed", "incomparable"]] },
  { name: "items added", old: s({ type: "array" }), new: s({ type: "array", items: { type: "string" } }), forward: [["", "items-added", "narrowed"]], backward: [["", "items-removed", "widened"]] },
  { name: "min items", old: s({ type: "array", minItems: 1 }), new: s({ type: "array", minItems: 2 }), forward: [["", "min-items-increased", "narrowed"]], backward: [["", "min-items-decreased", "widened"]] },
  { name: "max items set", old: s({ type: "array" }), new: s({ type: "array", maxItems: 2 }), forward: [["", "max-items-set", "narrowed"]], backward: [["", "max-items-unset", "widened"]] },
  { name: "prefixItems added", old: s({ type: "array" }), new: s({ type: "array", prefixItems: [{ type: "string" }] }), forward: [["", "prefix-items-added", "narrowed"]], backward: [["", "prefix-items-removed", "widened"]] },
  { name: "prefixItems position", old: s({ prefixItems: [{ type: "string" }, { maxLength: 3 }] }), new: s({ prefixItems: [{ type: "string" }, { maxLength: 2 }] }), forward: [["[1]", "max-length-decreased", "narrowed"]], backward: [["[1]", "max-length-increased", "widened"]] },
  { name: "contains", old: s({ type: "array" }), new: s({ type: "array", contains: { type: "string" } }), forward: [["", "contains-added", "narrowed"]], backward: [["", "contains-removed", "widened"]] },
  { name: "min/max contains", old: s({ contains: {}, minContains: 1, maxContains: 5 }), new: s({ contains: {}, minContains: 2, maxContains: 9 }), forward: [["", "min-contains-increased", "narrowed"], ["", "max-contains-increased", "widened"]], backward: [["", "min-contains-decreased", "widened"], ["", "max-contains-decreased", "narrowed"]] },
  { name: "uniqueItems", old: s({ type: "array" }), new: s({ type: "array", uniqueItems: true }), forward: [["", "unique-items-added", "narrowed"]], backward: [["", "unique-items-removed", "widened"]] },
  { name: "unevaluatedItems", old: s({ type: "array" }), new: s({ type: "array", unevaluatedItems: false }), forward: [["", "unevaluated-items-added", "narrowed"]], backward: [["", "unevaluated-items-removed", "widened"]] },
  // strings and numbers
  { name: "min length", old: s({ type: "string", minLength: 1 }), new: s({ type: "string", minLength: 3 }), forward: [["", "min-length-increased", "narrowed"]], backward: [["", "min-length-decreased", "widened"]] },
  { name: "max length set", old: s({ type: "string" }), new: s({ type: "string", maxLength: 3 }), forward: [["", "max-length-set", "narrowed"]], backward: [["", "max-length-unset", "widened"]] },
  { name: "minimum", old: s({ type: "number", minimum: 1 }), new: s({ type: "number", minimum: 3 }), forward: [["", "min-increased", "narrowed"]], backward: [["", "min-decreased", "widened"]] },
  { name: "maximum", old: s({ type: "number", maximum: 10 }), new: s({ type: "number", maximum: 5 }), forward: [["", "max-decreased", "narrowed"]], backward: [["", "max-increased", "widened"]] },
  { name: "3.1 exclusive bounds", old: s({ exclusiveMinimum: 0, exclusiveMaximum: 100 }), new: s({ exclusiveMinimum: 5, exclusiveMaximum: 50 }), forward: [["", "exclusive-min-increased", "narrowed"], ["", "exclusive-max-decreased", "narrowed"]], backward: [["", "exclusive-min-decreased", "widened"], ["", "exclusive-max-increased", "widened"]] },
  { name: "3.0 boolean exclusive minimum", old: s({ minimum: 1, exclusiveMinimum: true }), new: s({ minimum: 3, exclusiveMinimum: true }), forward: [["", "exclusive-min-increased", "narrowed"]], backward: [["", "exclusive-min-decreased", "widened"]] },
  { name: "3.0 and 3.1 exclusive minimum are the same", old: s({ minimum: 1, exclusiveMinimum: true }), new: s({ exclusiveMinimum: 1 }), forward: [], backward: [] },
  { name: "multipleOf", old: s({ multipleOf: 2 }), new: s({ multipleOf: 4 }), forward: [["", "multiple-of-increased", "narrowed"]], backward: [["", "multiple-of-decreased", "widened"]] },
  { name: "multipleOf unrelated", old: s({ multipleOf: 2 }), new: s({ multipleOf: 3 }), forward: [["", "multiple-of-changed", "incomparable"]], backward: [["", "multiple-of-changed", "incomparable"]] },
  { name: "pattern added", old: s({ type: "string" }), new: s({ type: "string", pattern: "^[a-z]+$" }), forward: [["", "pattern-added", "narrowed"]], backward: [["", "pattern-removed", "widened"]] },
  { name: "pattern changed", old: s({ pattern: "^a$" }), new: s({ pattern: "^b$" }), forward: [["", "pattern-changed", "incomparable"]], backward: [["", "pattern-changed", "incomparable"]] },
  // Read backward, `.*` → `^a$` narrows "any string" to a pattern: a constraint added, not an incomparable change.
  { name: "pattern generalized", old: s({ pattern: "^a$" }), new: s({ pattern: ".*" }), forward: [["", "pattern-generalized", "widened"]], backward: [["", "pattern-added", "narrowed"]] },
  { name: "an empty pattern is none: one added", old: s({ pattern: "" }), new: s({ pattern: "^a$" }), forward: [["", "pattern-added", "narrowed"]], backward: [["", "pattern-removed", "widened"]] },
  // branches
  {
    name: "anyOf branch added, matched by $ref name not index",
    old: s({ anyOf: [{ $ref: "#/C/A" }, { $ref: "#/C/B" }] }, { A: { type: "object", properties: { a: {} } }, B: { type: "string" }, D: { type: "integer" } }),
    new: s({ anyOf: [{ $ref: "#/C/D" }, { $ref: "#/C/B" }, { $ref: "#/C/A" }] }, { A: { type: "object", properties: { a: {} } }, B: { type: "string" }, D: { type: "integer" } }),
    forward: [["", "any-of-added", "widened"]],
    backward: [["", "any-of-removed", "narrowed"]],
  },
  {
    name: "oneOf branch matched by title",
    old: s({ oneOf: [{ title: "Cat", type: "object", properties: { meow: { maxLength: 5 } } }, { title: "Dog", type: "object" }] }),
    new: s({ oneOf: [{ title: "Dog", type: "object" }, { title: "Cat", type: "object", properties: { meow: { maxLength: 3 } } }] }),
    forward: [["oneOf:Cat.meow", "max-length-decreased", "narrowed"]],
    backward: [["oneOf:Cat.meow", "max-length-increased", "widened"]],
  },
  {
    name: "oneOf branch matched by shape",
    old: s({ oneOf: [{ type: "object", properties: { a: {}, b: { type: "string" } } }, { type: "integer" }] }),
    new: s({ oneOf: [{ type: "integer" }, { type: "object", properties: { a: {}, b: { type: "integer" } } }] }),
    forward: [["oneOf:object{a,b}.b", "type-changed", "incomparable"]],
    backward: [["oneOf:object{a,b}.b", "type-changed", "incomparable"]],
  },
  {
    name: "oneOf branch matched by discriminator mapping",
    old: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "kind", mapping: { cat: "#/C/Cat" } } }, { Cat: { type: "object", properties: { n: { type: "string" } } } }),
    new: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "kind", mapping: { cat: "#/C/Cat" } } }, { Cat: { type: "object", properties: { n: { type: "integer" } } } }),
    forward: [["oneOf:cat.n", "type-changed", "incomparable"]],
    backward: [["oneOf:cat.n", "type-changed", "incomparable"]],
  },
  {
    name: "the last unnamed branch on each side is the same branch, changed",
    old: s({ anyOf: [{ type: "string", maxLength: 3 }, { $ref: "#/C/A" }] }, { A: { type: "object" } }),
    new: s({ anyOf: [{ $ref: "#/C/A" }, { type: "integer", maxLength: 3 }] }, { A: { type: "object" } }),
    forward: [["anyOf:integer", "type-changed", "incomparable"]],
    backward: [["anyOf:string", "type-changed", "incomparable"]],
  },
  {
    name: "discriminator value renamed, component kept",
    old: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "k", mapping: { cat: "#/C/Cat" } } }, { Cat: { type: "object" } }),
    new: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "k", mapping: { cats: "#/C/Cat" } } }, { Cat: { type: "object" } }),
    forward: [["", "discriminator-mapping-added", "widened"], ["", "discriminator-mapping-deleted", "narrowed"]],
    backward: [["", "discriminator-mapping-added", "widened"], ["", "discriminator-mapping-deleted", "narrowed"]],
  },
  {
    name: "wrapped in oneOf",
    old: s({ type: "string" }),
    new: s({ oneOf: [{ type: "string", maxLength: 3 }, { type: "integer", minimum: 0 }] }),
    forward: [["", "wrapped-in-one-of", "incomparable"], ["", "one-of-added", "widened"], ["", "one-of-added", "widened"]],
    backward: [["", "one-of-removed", "narrowed"], ["", "one-of-removed", "narrowed"]],
  },
  {
    name: "allOf branch added",
    old: s({ allOf: [{ $ref: "#/C/A" }] }, { A: { type: "object" }, B: { required: ["x"] } }),
    new: s({ allOf: [{ $ref: "#/C/A" }, { $ref: "#/C/B" }] }, { A: { type: "object" }, B: { required: ["x"] } }),
    forward: [["", "all-of-added", "narrowed"]],
    backward: [["", "all-of-removed", "widened"]],
  },
  {
    name: "allOf annotation-only branch",
    old: s({ allOf: [{ type: "object" }] }),
    new: s({ allOf: [{ type: "object" }, { description: "more words" }] }),
    forward: [["", "all-of-added-annotation-only", "annotation"]],
    backward: [["", "all-of-removed-annotation-only", "annotation"]],
  },
  { name: "not", old: s({ not: { type: "string", maxLength: 3 } }), new: s({ not: { type: "string", maxLength: 5 } }), forward: [["not", "max-length-increased", "narrowed"]], backward: [["not", "max-length-decreased", "widened"]] },
  { name: "not added", old: s({}), new: s({ not: { type: "string" } }), forward: [["", "not-added", "narrowed"]], backward: [["", "not-removed", "widened"]] },
  // discriminator
  { name: "discriminator added", old: s({ oneOf: [{ $ref: "#/C/A" }] }, { A: {} }), new: s({ oneOf: [{ $ref: "#/C/A" }], discriminator: { propertyName: "k" } }, { A: {} }), forward: [["", "discriminator-added", "annotation"]], backward: [["", "discriminator-removed", "annotation"]] },
  { name: "discriminator property name", old: s({ discriminator: { propertyName: "k" } }), new: s({ discriminator: { propertyName: "t" } }), forward: [["", "discriminator-property-name-changed", "incomparable"]], backward: [["", "discriminator-property-name-changed", "incomparable"]] },
  { name: "discriminator mapping added", old: s({ discriminator: { propertyName: "k", mapping: { a: "#/C/A" } } }), new: s({ discriminator: { propertyName: "k", mapping: { a: "#/C/A", b: "#/C/B" } } }), forward: [["", "discriminator-mapping-added", "widened"]], backward: [["", "discriminator-mapping-deleted", "narrowed"]] },
  { name: "discriminator mapping changed", old: s({ discriminator: { propertyName: "k", mapping: { a: "#/C/A" } } }), new: s({ discriminator: { propertyName: "k", mapping: { a: "#/C/B" } } }), forward: [["", "discriminator-mapping-changed", "incomparable"]], backward: [["", "discriminator-mapping-changed", "incomparable"]] },
  // conditionals
  { name: "if/then/else added", old: s({}), new: s({ if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } }), forward: [["", "if-added", "incomparable"], ["", "then-added", "narrowed"], ["", "else-added", "narrowed"]], backward: [["", "if-removed", "incomparable"], ["", "then-removed", "widened"], ["", "else-removed", "widened"]] },
  { name: "inside if", old: s({ if: { maxLength: 3 }, then: {} }), new: s({ if: { maxLength: 5 }, then: {} }), forward: [["if", "max-length-increased", "incomparable"]], backward: [["if", "max-length-decreased", "incomparable"]] },
  { name: "inside then", old: s({ if: {}, then: { maxLength: 3 } }), new: s({ if: {}, then: { maxLength: 5 } }), forward: [["then", "max-length-increased", "widened"]], backward: [["then", "max-length-decreased", "narrowed"]] },
  // annotations and content
  { name: "readOnly", old: obj({ a: { type: "string" } }), new: obj({ a: { type: "string", readOnly: true } }), forward: [["a", "became-read-only", "annotation"]], backward: [["a", "became-not-read-only", "annotation"]] },
  { name: "writeOnly", old: obj({ a: {} }), new: obj({ a: { writeOnly: true } }), forward: [["a", "became-write-only", "annotation"]], backward: [["a", "became-not-write-only", "annotation"]] },
  { name: "default", old: s({ type: "string", default: "a" }), new: s({ type: "string", default: "b" }), forward: [["", "default-value-changed", "annotation"]], backward: [["", "default-value-changed", "annotation"]] },
  { name: "default added", old: s({ type: "string" }), new: s({ type: "string", default: "b" }), forward: [["", "default-value-added", "annotation"]], backward: [["", "default-value-removed", "annotation"]] },
  { name: "deprecated property", old: obj({ a: {} }), new: obj({ a: { deprecated: true } }), forward: [["a", "deprecated", "annotation"]], backward: [["a", "reactivated", "annotation"]] },
  { name: "contentMediaType", old: s({ contentMediaType: "application/json" }), new: s({ contentMediaType: "application/xml" }), forward: [["", "content-media-type-changed", "incomparable"]], backward: [["", "content-media-type-changed", "incomparable"]] },
  { name: "contentEncoding", old: s({ contentEncoding: "base64" }), new: s({ contentEncoding: "base32" }), forward: [["", "content-encoding-changed", "incomparable"]], backward: [["", "content-encoding-changed", "incomparable"]] },
  { name: "contentSchema", old: s({ type: "string" }), new: s({ type: "string", contentSchema: { type: "object" } }), forward: [["", "content-schema-added", "narrowed"]], backward: [["", "content-schema-removed", "widened"]] },
  // refactors that change nothing
  {
    name: "inline to $ref",
    old: obj({ a: { type: "string", maxLength: 3 } }),
    new: s({ type: "object", properties: { a: { $ref: "#/C/Name" } } }, { Name: { type: "string", maxLength: 3 } }),
    forward: [],
    backward: [],
  },
  // Names of Object.prototype's members are names like any other (a computed key makes `__proto__` an own property).
  ...["constructor", "toString", "hasOwnProperty", "__proto__"].flatMap((name): Row[] => [
    {
      name: `required property ${name} added`,
      old: obj({}),
      new: obj({ [name]: { type: "integer" } }, { required: [name] }),
      forward: [[name, "property-added", "narrowed"]],
      backward: [[name, "property-removed", "widened"]],
    },
    { name: `patternProperties ${name}`, old: s({}), new: s({ patternProperties: { [name]: { type: "string" } } }), forward: [["", "pattern-property-added", "narrowed"]], backward: [["", "pattern-property-removed", "widened"]] },
    { name: `dependentRequired ${name}`, old: s({}), new: s({ dependentRequired: { [name]: ["b"] } }), forward: [["", "dependent-required-added", "narrowed"]], backward: [["", "dependent-required-removed", "widened"]] },
    {
      name: `discriminator value ${name}`,
      old: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "k", mapping: {} } }, { Cat: { type: "object" } }),
      new: s({ oneOf: [{ $ref: "#/C/Cat" }], discriminator: { propertyName: "k", mapping: { [name]: "#/C/Cat" } } }, { Cat: { type: "object" } }),
      forward: [["", "discriminator-mapping-added", "widened"]],
      backward: [["", "discriminator-mapping-deleted", "narrowed"]],
    },
  ]),
];

const sorted = (list: Expected[]) => [...list].sort((a, b) => a.join(" ").localeCompare(b.join(" ")));

describe("diffSchemas: every keyword, both directions", () => {
  for (const row of rows) {
    it(row.name, () => {
      const options = { strict: row.strict };
      assert.deepEqual(sorted(brief(diff(row.old, row.new, options))), sorted(row.forward), "old → new");
      assert.deepEqual(sorted(brief(diff(row.new, row.old, options))), sorted(row.backward), "new → old");
    });
  }
});

describe("flows", () => {
  const change = (relation: Relation, conditional?: boolean): SchemaChange => ({ path: [], kind: "type-changed", relation, message: "", ...(conditional ? { conditional } : {}) });
  it("maps each relation to the two flows of data", () => {
    assert.deepEqual(flows(change("widened")), { oldToNew: "compatible", newToOld: "breaking" });
    assert.deepEqual(flows(change("narrowed")), { oldToNew: "breaking", newToOld: "compatible" });
    assert.deepEqual(flows(change("incomparable")), { oldToNew: "breaking", newToOld: "breaking" });
    assert.deepEqual(flows(change("annotation")), { oldToNew: "compatible", newToOld: "compatible" });
  });
  it("turns the breaking side of a conditional change into conditional", () => {
    assert.deepEqual(flows(change("widened", true)), { oldToNew: "compatible", newToOld: "conditional" });
  });
});

describe("enum fallbacks", () => {
  for (const fallback of [{ "x-charter-enum-fallback": "unknown" }, { "x-extensible-enum": ["a"] }]) {
    it(`an old reader with ${Object.keys(fallback)[0]} makes an added value conditional`, () => {
      const [added] = diff(s({ enum: ["a"], ...fallback }), s({ enum: ["a", "b"], ...fallback })).filter((c) => c.kind === "enum-value-added");
      assert.equal(added.conditional, true);
      assert.deepEqual(flows(added), { oldToNew: "compatible", newToOld: "conditional" });
    });
  }
  it("without a fallback an added value breaks old readers", () => {
    const [added] = diff(s({ enum: ["a"] }), s({ enum: ["a", "b"] }));
    assert.equal(added.conditional, undefined);
    assert.equal(flows(added).newToOld, "breaking");
  });
});

describe("property flags and places", () => {
  it("marks changes to a property with its required, readOnly and writeOnly flags", () => {
    const [change] = diff(obj({ a: { type: "string", readOnly: true, maxLength: 5 } }, { required: ["a"] }), obj({ a: { type: "string", readOnly: true, maxLength: 3 } }, { required: ["a"] }));
    assert.deepEqual([change.kind, change.required, change.readOnly, change.writeOnly], ["max-length-decreased", true, true, false]);
  });
  it("reads the flags of a removed property through its $ref", () => {
    const [change] = diff(s({ properties: { a: { $ref: "#/C/A" } } }, { A: { writeOnly: true } }), s({ properties: {} }, { A: { writeOnly: true } }));
    assert.deepEqual([change.kind, change.required, change.writeOnly], ["property-removed", false, true]);
  });
  it("points a deletion at the parent in the new version and at the deleted element in the old", () => {
    const [change] = diff(obj({ a: {}, b: {} }), obj({ a: {} }));
    assert.deepEqual(change.before, { file: "a.yaml", pointer: "/S/properties/b" });
    assert.deepEqual(change.after, { file: "a.yaml", pointer: "/S/properties" });
  });
  it("points a changed keyword at its value on both sides, through $refs", () => {
    const [change] = diff(s({ $ref: "#/C/A" }, { A: { maxLength: 5 } }), s({ maxLength: 3 }));
    assert.deepEqual(change.before, { file: "a.yaml", pointer: "/C/A/maxLength" });
    assert.deepEqual(change.after, { file: "a.yaml", pointer: "/S/maxLength" });
  });
  it("reports a change in a shared component once, at home where it is written, however many places use it", () => {
    const components = (max: number) => ({ Name: { type: "string", maxLength: max } });
    const schema = { type: "object", properties: { first: { $ref: "#/C/Name" }, last: { $ref: "#/C/Name" } } };
    const changes = diff(s(schema, components(5)), s(schema, components(3)));
    assert.deepEqual(brief(changes), [["first", "max-length-decreased", "narrowed"]]);
    assert.deepEqual(changes[0].home, { at: { file: "a.yaml", pointer: "/C/Name" }, path: [] });
  });
  it("homes a change to an inline schema at the compared schema, by its path there", () => {
    const [change] = diff(obj({ a: { type: "object", properties: { b: { maxLength: 5 } } } }), obj({ a: { type: "object", properties: { b: { maxLength: 3 } } } }));
    assert.deepEqual(change.home, { path: ["a", "b"] });
  });
  it("homes a change below a component at the component, by its path there", () => {
    const doc = (max: number) => s({ properties: { x: { $ref: "#/C/A" } } }, { A: { properties: { b: { maxLength: max } } } });
    const [change] = diff(doc(5), doc(3));
    assert.deepEqual(change.home, { at: { file: "a.yaml", pointer: "/C/A" }, path: ["b"] });
  });
  it("gives every compared root each change it reaches, whichever root was compared first", () => {
    // A ring A → B → A: compared from A first, B's result must still hold A's change.
    const doc = (t: string) => ({ S: {}, C: { A: { properties: { b: { $ref: "#/C/B" }, v: { type: t } } }, B: { properties: { a: { $ref: "#/C/A" } } } } });
    const sources = { previous: source(doc("string")), current: source(doc("integer")) };
    const from = (name: string) => diffSchemas({ file: "a.yaml", pointer: `/C/${name}` }, { file: "a.yaml", pointer: `/C/${name}` }, sources);
    assert.deepEqual(brief(from("A")), [["v", "type-changed", "incomparable"]]);
    assert.deepEqual(brief(from("B")), [["a.v", "type-changed", "incomparable"]]);
    assert.deepEqual(from("B")[0].home, { at: { file: "a.yaml", pointer: "/C/A" }, path: ["v"] });
  });
});

describe("recursion and long chains", () => {
  const tree = (max: number) => s({ $ref: "#/C/Node" }, {
    Node: { type: "object", properties: { name: { type: "string", maxLength: max }, children: { type: "array", items: { $ref: "#/C/Node" } } } },
  });
  it("terminates on a recursive schema and reports the change once, where the recursion starts", () => {
    assert.deepEqual(brief(diff(tree(5), tree(3))), [["name", "max-length-decreased", "narrowed"]]);
  });
  it("terminates on mutually recursive schemas", () => {
    const doc = (t: string) => s({ $ref: "#/C/A" }, { A: { properties: { b: { $ref: "#/C/B" } } }, B: { properties: { a: { $ref: "#/C/A" }, v: { type: t } } } });
    assert.deepEqual(brief(diff(doc("string"), doc("integer"))), [["b.v", "type-changed", "incomparable"]]);
  });
  // How long these take is measured by bench/schema (npm run bench:schema), not asserted here.
  it("follows a 500-deep $ref chain", () => {
    const chain = (t: string) => {
      const C: Record<string, object> = {};
      for (let i = 0; i < 500; i++) C[`S${i}`] = { $ref: `#/C/S${i + 1}` };
      C.S500 = { type: t };
      return s({ $ref: "#/C/S0" }, C);
    };
    assert.deepEqual(brief(diff(chain("string"), chain("integer"))), [["", "type-changed", "incomparable"]]);
  });
  it("follows 500 nested properties, each a $ref to the next", () => {
    const nested = (t: string) => {
      const C: Record<string, object> = {};
      for (let i = 0; i < 500; i++) C[`S${i}`] = { type: "object", properties: { next: { $ref: `#/C/S${i + 1}` } } };
      C.S500 = { type: t };
      return s({ $ref: "#/C/S0" }, C);
    };
    const [change] = diff(nested("string"), nested("integer"));
    assert.equal(change.path.length, 500);
    assert.equal(change.kind, "type-changed");
  });
});
