import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkJsonSchema } from "../../../src/compat/jsonschema/check.js";
import { InputError } from "../../../src/errors.js";
import type { Snapshot } from "../../../src/registry/snapshot.js";

const snapshot = (label: string, files: Record<string, string>, contract?: string): Snapshot => ({
  label,
  files: new Map(Object.entries(files)),
  base: "",
  ...(contract ? { contract } : {}),
});

const lenient = { strict: () => false };
const json = (schema: object) => JSON.stringify(schema, null, 2);

const ORDER_YAML = (maxLength: number, extra = "") => `$id: https://schemas.shop.example/order.v1.json
type: object
required: [id]
properties:
  id:
    type: string
    maxLength: ${maxLength}
${extra}`;

describe("JSON Schema contracts: discovery and identity", () => {
  it("finds *.schema.json, *.schema.yaml and *.schema.yml files and nothing else", () => {
    const files = { "a.schema.json": json({ type: "string" }), "b.schema.yaml": "type: string\n", "c.schema.yml": "type: string\n", "d.json": json({ type: "string" }), "e.yaml": "type: string\n" };
    const { contracts } = checkJsonSchema(snapshot("old", files), snapshot("new", files), lenient);
    assert.deepEqual(contracts.map((c) => [c.id, c.kind, c.api, c.change]), [
      ["a.schema.json", "jsonschema", false, "unchanged"],
      ["b.schema.yaml", "jsonschema", false, "unchanged"],
      ["c.schema.yml", "jsonschema", false, "unchanged"],
    ]);
  });

  it("pairs versions by $id, so a moved file is the same contract", () => {
    const { contracts, changes } = checkJsonSchema(snapshot("old", { "order.schema.yaml": ORDER_YAML(20) }), snapshot("new", { "orders/v1/order.schema.yaml": ORDER_YAML(10) }), lenient);
    assert.deepEqual(contracts.map((c) => [c.id, c.path, c.change]), [["https://schemas.shop.example/order.v1.json", "orders/v1/order.schema.yaml", "modified"]]);
    assert.deepEqual(changes.map((c) => c.rule), ["max-length-decreased"]);
  });

  it("reports a contract on one side only with data-contract verdicts", () => {
    const { contracts, changes } = checkJsonSchema(snapshot("old", { "gone.schema.json": json({ type: "string" }) }), snapshot("new", { "new.schema.json": json({ type: "string" }) }), lenient);
    assert.deepEqual(contracts.map((c) => [c.id, c.change]), [["gone.schema.json", "removed"], ["new.schema.json", "added"]]);
    assert.deepEqual(changes.map((c) => [c.rule, c.backward, c.forward, c.location?.file, c.before?.file]), [
      ["contract-removed", "conditional", "breaking", undefined, "gone.schema.json"],
      ["contract-added", "compatible", "compatible", "new.schema.json", undefined],
    ]);
  });

  it("reads only the contract file of a single-file snapshot, and pairs two single files whatever their names", () => {
    const old = snapshot("old.schema.json", { "old.schema.json": json({ type: "string", maxLength: 5 }), "other.schema.json": json({}) }, "old.schema.json");
    const current = snapshot("event.schema.json", { "event.schema.json": json({ $id: "urn:event", type: "string", maxLength: 9 }), "other.schema.json": json({}) }, "event.schema.json");
    const { contracts, changes } = checkJsonSchema(old, current, lenient);
    assert.deepEqual(contracts.map((c) => [c.id, c.change]), [["urn:event", "modified"]]);
    assert.deepEqual(changes.map((c) => c.rule), ["max-length-increased"]);
  });

  it("refuses two contracts with one $id", () => {
    const files = { "a.schema.json": json({ $id: "urn:x" }), "b.schema.json": json({ $id: "urn:x" }) };
    assert.throws(() => checkJsonSchema(snapshot("old", {}), snapshot("new", files), lenient), (e: unknown) => e instanceof InputError && /\$id "urn:x" is also the \$id of a\.schema\.json/.test(e.message) && e.line === 2);
  });

  it("refuses a file that is not a schema", () => {
    assert.throws(() => checkJsonSchema(snapshot("old", {}), snapshot("new", { "a.schema.json": "[1, 2]" }), lenient), (e: unknown) => e instanceof InputError && /not a JSON Schema/.test(e.message));
  });

  it("marks a contract unstable by x-stability-level", () => {
    const files = { "a.schema.json": json({ "x-stability-level": "beta", type: "string" }) };
    assert.equal(checkJsonSchema(snapshot("old", files), snapshot("new", files), lenient).contracts[0].unstable, true);
  });

  it("asks for the strict reading per contract by id and path", () => {
    const asked: string[] = [];
    const old = snapshot("old", { "a.schema.json": json({ type: "object", properties: {} }) });
    const current = snapshot("new", { "a.schema.json": json({ type: "object", properties: { x: { type: "string" } } }) });
    const { changes } = checkJsonSchema(old, current, { strict: (id, path) => (asked.push(`${id} ${path}`), true) });
    assert.deepEqual(asked, ["a.schema.json a.schema.json"]);
    assert.deepEqual(changes.map((c) => [c.rule, c.backward, c.forward]), [["property-added", "breaking", "compatible"]]);
  });
});

describe("JSON Schema findings: messages, locations and elements", () => {
  it("says where in one line, points into the new version at the key, and keeps the old place as before", () => {
    const { changes } = checkJsonSchema(snapshot("old", { "o.schema.yaml": ORDER_YAML(20) }), snapshot("new", { "o.schema.yaml": ORDER_YAML(10) }), lenient);
    assert.equal(changes.length, 1);
    const [change] = changes;
    assert.equal(change.message, "#/id: max length decreased from 20 to 10.");
    assert.deepEqual(change.location, { file: "o.schema.yaml", line: 7, column: 5 });
    assert.deepEqual(change.before, { file: "o.schema.yaml", line: 7, column: 5 });
    assert.equal(change.element, "#/id");
    assert.equal(change.contract, "https://schemas.shop.example/order.v1.json");
    assert.equal(change.kind, "jsonschema");
  });

  it("points a deletion at its parent in the new version", () => {
    const old = ORDER_YAML(20, "  note:\n    type: string\nadditionalProperties: false\n");
    const current = ORDER_YAML(20, "additionalProperties: false\n");
    const { changes } = checkJsonSchema(snapshot("old", { "o.schema.yaml": old }), snapshot("new", { "o.schema.yaml": current }), lenient);
    assert.deepEqual(changes.map((c) => [c.rule, c.backward, c.forward]), [["property-removed", "breaking", "compatible"]]);
    assert.deepEqual(changes[0].location, { file: "o.schema.yaml", line: 4, column: 1 });
    assert.deepEqual(changes[0].before, { file: "o.schema.yaml", line: 8, column: 3 });
  });

  it("follows $refs into other schema files of the registry, with the same element as inline", () => {
    const inline = (maxLength: number) => json({ $id: "urn:order", type: "object", properties: { address: { type: "object", properties: { zip: { type: "string", maxLength } } } } });
    const referring = json({ $id: "urn:order", type: "object", properties: { address: { $ref: "common/address.schema.json" } } });
    const address = json({ $id: "urn:address", type: "object", properties: { zip: { type: "string", maxLength: 5 } } });
    const { changes } = checkJsonSchema(snapshot("old", { "order.schema.json": inline(10) }), snapshot("new", { "order.schema.json": referring, "common/address.schema.json": address }), lenient);
    const decreased = changes.filter((c) => c.contract === "urn:order");
    assert.deepEqual(decreased.map((c) => [c.rule, c.element, c.location?.file]), [["max-length-decreased", "#/address/zip", "common/address.schema.json"]]);
  });

  for (const [name, ref, pattern] of [
    ["a remote $ref", "https://example.com/address.json", /remote \$ref "https:\/\/example\.com\/address\.json" is not followed/],
    ["a $ref that leaves the registry", "../outside.schema.json", /\$ref "\.\.\/outside\.schema\.json" leaves the registry/],
  ] as const) {
    it(`stops at ${name}, naming it and its place`, () => {
      const files = { "order.schema.json": json({ type: "object", properties: { address: { $ref: ref } } }) };
      assert.throws(
        () => checkJsonSchema(snapshot("old", files), snapshot("new", files), lenient),
        (e: unknown) => e instanceof InputError && pattern.test(e.message) && e.file === "order.schema.json" && e.line === 5,
      );
    });
  }
});
