import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../src/errors.js";
import { parseYamlSource } from "../../src/registry/yaml-source.js";

const DOC = `openapi: 3.0.3
x-base: &base
  type: object
  properties: { id: { type: string } }
paths:
  "/orders/{id}":
    get:
      tags:
        - orders
      responses:
        '200': *base
components:
  schemas:
    Order:
      <<: *base
      title: Order
    Flow: {a: [1, "two"], b: 'x'}
    0x1F: hex
`;

describe("YAML source positions", () => {
  const source = parseYamlSource("api.yaml", DOC);
  const rows: [string, string[], boolean, string][] = [
    ["a top-level value, after its colon", ["openapi"], false, "1:10"],
    ["a top-level key", ["openapi"], true, "1:1"],
    ["a mapping value, at its first key", ["x-base"], false, "3:3"],
    ["a quoted key, at its quote", ["paths", "/orders/{id}"], true, "6:3"],
    ["a block sequence, on its key's line", ["paths", "/orders/{id}", "get", "tags"], false, "8:12"],
    ["a sequence item", ["paths", "/orders/{id}", "get", "tags", "0"], false, "9:11"],
    ["an alias value, after its colon", ["paths", "/orders/{id}", "get", "responses", "200"], false, "11:16"],
    ["inside an alias, in its anchor's node", ["paths", "/orders/{id}", "get", "responses", "200", "properties", "id"], false, "4:23"],
    ["a mapping opening with a merge key, at the merge key", ["components", "schemas", "Order"], false, "15:7"],
    ["a merged key, at the mapping that merges it", ["components", "schemas", "Order", "type"], false, "15:7"],
    ["a flow mapping's value", ["components", "schemas", "Flow", "a", "1"], false, "17:19"],
    ["a single-quoted value, at its quote", ["components", "schemas", "Flow", "b"], false, "17:30"],
    ["a key named as the value names it", ["components", "schemas", "31"], true, "18:5"],
    ["a missing key, at the deepest place found", ["components", "schemas", "Missing", "x"], false, "14:5"],
    ["the document", [], false, "1:1"],
  ];
  for (const [name, segments, key, expected] of rows) {
    it(name, () => {
      const { line, column } = source.position(segments, key);
      assert.equal(`${line}:${column}`, expected);
    });
  }

  it("reads values under YAML 1.2's core schema with merge keys", () => {
    const value = source.value as { components: { schemas: Record<string, Record<string, unknown>> } };
    assert.deepEqual(value.components.schemas.Order, { type: "object", properties: { id: { type: "string" } }, title: "Order" });
    assert.equal(value.components.schemas["31"], "hex");
    assert.deepEqual(parseYamlSource("a.yaml", "a: [yes, 1_000, 0o17, .5, ~, 2001-12-14]\n").value, { a: ["yes", "1_000", 15, 0.5, null, "2001-12-14"] });
  });

  it("keeps __proto__ an own key", () => {
    const value = parseYamlSource("a.yaml", "__proto__: { polluted: true }\n").value as Record<string, unknown>;
    assert.ok(Object.hasOwn(value, "__proto__"));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it("reads a file of several documents as its first", () => {
    assert.deepEqual(parseYamlSource("a.yaml", "a: 1\n---\nkind: Deployment\n").value, { a: 1 });
  });

  it("counts a byte-order mark as no column", () => {
    assert.deepEqual(parseYamlSource("a.yaml", "\uFEFFa: 1\n").position(["a"], true), { line: 1, column: 2 });
  });

  for (const [name, text, message] of [
    ["a syntax error", "a: [1\n", /^a\.yaml:2:1: /],
    ["nesting past the bound", `${"[".repeat(1001)}${"]".repeat(1001)}`, /^a\.yaml:1:1000: nesting exceeded maxDepth \(1000\)$/],
    ["a merge key given a scalar", "a:\n  <<: 5\n", /^a\.yaml:2:7: a merge key \(<<\) takes a mapping or a list of mappings$/],
    ["a key written twice, the second time as a number", "1.0: a\n1: b\n", /^a\.yaml:2:1: key "1" appears twice in this mapping$/],
  ] as const) {
    it(`locates ${name}`, () => {
      assert.throws(() => parseYamlSource("a.yaml", text), (error: unknown) => error instanceof InputError && message.test(error.toString()));
    });
  }
});
