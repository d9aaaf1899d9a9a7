import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSite } from "../../src/docs/site.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { AVRO_REGISTRY } from "../helpers/avro-registry.js";

describe("an Avro payload on its message's page", () => {
  it("shows the record's fields with their Avro types and defaults, and the schema as written with its .avsc file", async () => {
    const registry = tempTree(AVRO_REGISTRY);
    const site = await buildSite(readInput(registry, registry), []);
    const path = [...site.keys()].find((p) => p.startsWith("contracts/asyncapi-urn-shop-shipments"));
    assert.ok(path, [...site.keys()].join(", "));
    const html = site.get(path)!;
    const shipped = html.slice(html.indexOf('id="msg-shipped-OrderShipped"'), html.indexOf('id="msg-returned-OrderReturned"'));
    assert.match(shipped, /<h5>Payload <span class="badge">Avro<\/span> <code>shop\.shipping\.OrderShipped<\/code><\/h5>/);
    assert.match(shipped, /<p class="desc">An order left the warehouse\.<\/p>/);
    assert.match(shipped, /<td><code>weightGrams<\/code><\/td><td><code>long<\/code><\/td>/);
    assert.match(shipped, /<td><code>carrier<\/code><\/td><td><code>enum Carrier \{DHL, UPS, OTHER\}<\/code><\/td>/);
    assert.match(shipped, /<td><code>note<\/code><\/td><td><code>null \| string<\/code><\/td><td><code>null<\/code><\/td>/);
    assert.match(shipped, /<summary>Avro schema <code>shipping\/order-shipped\.avsc<\/code><\/summary>/);
    assert.match(shipped, /<code class="avro-json">\{\n  &quot;type&quot;: &quot;record&quot;/);
    assert.ok(!shipped.includes('class="cloudevent"'), "no JSON example of an event whose data is Avro binary");
    const returned = html.slice(html.indexOf('id="msg-returned-OrderReturned"'));
    assert.match(returned, /<summary>Avro schema<\/summary>/, "an inline schema names no file");
    assert.match(returned, /<td><code>reason<\/code><\/td><td><code>null \| string<\/code><\/td>/);
  });
});
