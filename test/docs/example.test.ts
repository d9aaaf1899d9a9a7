import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createSchemaSource } from "../../src/contracts/schema-source.js";
import { exampleOf } from "../../src/docs/example.js";

/** The example the docs show for a schema written at /S of a document. */
const example = (schema: object): unknown => exampleOf(createSchemaSource(new Map([["a.yaml", JSON.stringify({ S: schema })]]), ""), { file: "a.yaml", pointer: "/S" });

describe("docs examples", () => {
  it("stay readable when a schema asks for more characters or items than a page can show", () => {
    for (const minLength of [1e22, 2 ** 32, Infinity, 1e6]) {
      const value = example({ type: "string", minLength });
      assert.equal(typeof value, "string");
      assert.ok((value as string).length <= 200, `minLength ${minLength}`);
    }
    for (const minItems of [4294967296, 1e7, Infinity]) {
      const value = example({ type: "array", minItems, items: { type: "string" } });
      assert.ok(Array.isArray(value) && value.length <= 10, `minItems ${minItems}`);
    }
  });

  it("keep properties named like Object.prototype's members as properties", () => {
    // JSON.parse makes `__proto__` an own property, as YAML and JSON readers do; a literal would set the prototype.
    const named = JSON.parse('{"__proto__": {"type": "string"}, "constructor": {"type": "integer"}, "hasOwnProperty": {"type": "boolean"}}');
    const expected = '{"__proto__":"example","constructor":1,"hasOwnProperty":true}';
    assert.equal(JSON.stringify(example({ type: "object", properties: named })), expected);
    assert.equal(JSON.stringify(example({ allOf: [{ type: "object", properties: named }] })), expected);
  });
});
