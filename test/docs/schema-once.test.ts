import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stringify } from "yaml";
import { buildSite } from "../../src/docs/site.js";
import type { Snapshot } from "../../src/registry/snapshot.js";

const snapshot = (files: Record<string, unknown>): Snapshot => ({
  label: "mem",
  base: "mem",
  files: new Map(Object.entries(files).map(([path, doc]) => [path, typeof doc === "string" ? doc : stringify(doc)])),
});

/** The only contract page of a one-contract site. */
async function onlyPage(files: Record<string, unknown>): Promise<string> {
  const site = await buildSite(snapshot(files), []);
  const pages = [...site.keys()].filter((p) => p.startsWith("contracts/"));
  assert.equal(pages.length, 1, pages.join(", "));
  return site.get(pages[0])!;
}

const count = (html: string, text: string): number => html.split(text).length - 1;

/** An API whose `uses` operations all answer with the component `Big`, itself nested three levels deep. */
function api(uses: number): object {
  const leaf = { type: "object", properties: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`leaf${i}`, { type: "string", description: `Leaf ${i} of Big.` }])) };
  const big = { type: "object", description: "The big one.", properties: { a: { type: "object", properties: { b: leaf } }, self: { $ref: "#/components/schemas/Big" } } };
  const paths = Object.fromEntries(Array.from({ length: uses }, (_, i) => [`/things/${i}`, {
    get: { operationId: `get${i}`, responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Big" } } } } } },
  }]));
  return { openapi: "3.1.0", info: { title: "Refs", version: "1" }, paths, components: { schemas: { Big: big } } };
}

describe("docs render each schema once", () => {
  it("renders a component once however many operations use it, and links every use to it", async () => {
    for (const uses of [1, 40]) {
      const html = await onlyPage({ "api.openapi.yaml": api(uses) });
      assert.equal(count(html, 'id="schema-Big"'), 1, `${uses} uses`);
      assert.equal(count(html, "Leaf 3 of Big."), 1, `${uses} uses: the component's text appears once`);
      // Each operation's response, and Big's own recursive property, link to the section.
      assert.equal(count(html, 'data-ref="#schema-Big"'), uses + 1, `${uses} uses`);
      assert.equal(count(html, '<a class="ref" href="#schema-Big">Big</a>'), uses + 1);
    }
  });

  it("gives the targets of references outside an OpenAPI document's components a section of their own", async () => {
    const html = await onlyPage({
      "order.schema.json": JSON.stringify({
        $id: "urn:order",
        type: "object",
        properties: { billing: { $ref: "#/$defs/Address" }, shipping: { $ref: "#/$defs/Address" }, lines: { type: "array", items: { $ref: "#/$defs/Line" } } },
        $defs: { Address: { type: "object", properties: { street: { type: "string", description: "Street and number." } } }, Line: { type: "object", properties: { sku: { type: "string" } } } },
      }),
    });
    assert.equal(count(html, 'id="schema-Address"'), 1);
    assert.equal(count(html, 'id="schema-Line"'), 1);
    assert.equal(count(html, "Street and number."), 1);
    assert.equal(count(html, 'data-ref="#schema-Address"'), 2);
    assert.ok(html.includes('id="field-Address-street"'), "the section's fields have their own anchors");
  });

  it("links a shared response's inline schema to its first rendering", async () => {
    const shared = { description: "failed", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string", description: "What went wrong." } } } } } };
    const paths = { "/a": { get: { operationId: "a", responses: { default: { $ref: "#/components/responses/Error" } } } }, "/b": { get: { operationId: "b", responses: { default: { $ref: "#/components/responses/Error" } } } } };
    const html = await onlyPage({ "api.openapi.yaml": { openapi: "3.0.3", info: { title: "E", version: "1" }, paths, components: { responses: { Error: shared } } } });
    assert.equal(count(html, "What went wrong."), 1);
    assert.ok(html.includes('data-ref="#schema-a-default-application-json"'), "the second use links to the first");
  });

  it("stops mutually recursive schemas with links rather than expanding them", async () => {
    const html = await onlyPage({
      "tree.schema.json": JSON.stringify({
        $id: "urn:tree",
        $ref: "#/$defs/Node",
        $defs: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/Edge" } } } }, Edge: { type: "object", properties: { to: { $ref: "#/$defs/Node" } } } },
      }),
    });
    assert.equal(count(html, 'id="schema-Node"'), 1);
    assert.equal(count(html, 'id="schema-Edge"'), 1);
    assert.ok(html.includes('data-ref="#schema-Edge"') && html.includes('data-ref="#schema-Node"'));
  });
});
