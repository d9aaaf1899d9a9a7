import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it, before } from "node:test";
import { runInNewContext } from "node:vm";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { buildSite } from "../../src/docs/site.js";
import { SEARCH_CHUNK, shardOf, type SearchEntry } from "../../src/docs/search.js";
import { readInput } from "../../src/registry/resolve.js";
import type { Snapshot } from "../../src/registry/snapshot.js";

/** Undoes handlebars' escaping, to read a value back out of a page. */
const unescape = (html: string): string =>
  html.replace(/&(quot|amp|lt|gt|#x27|#x3D|#x60);/g, (_, e: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#x3D": "=", "#x60": "`" })[e]!);

/** The search index's files as the browser reads them: each script run, what it hands over by name. */
function searchFilesOf(site: Map<string, string>): Map<string, unknown> {
  const loaded = new Map<string, unknown>();
  for (const [path, script] of site) if (path.startsWith("search/")) runInNewContext(script, { CHARTER_SEARCH_LOADED: (name: string, data: unknown) => loaded.set(name, data) });
  return loaded;
}

/** Every entry of the search index, in order. */
function searchIndex(site: Map<string, string>): Pick<SearchEntry, "title" | "kind" | "contract" | "href">[] {
  const loaded = searchFilesOf(site);
  const chunks = [...loaded.keys()].filter((name) => name.startsWith("e-")).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
  return chunks.flatMap((name) => (loaded.get(name) as string[][]).map(([title, kind, contract, href]) => ({ title, kind, contract, href })));
}

/** The entries a word (whole) leads to, from its shard: by title and by description. */
function postingsOf(site: Map<string, string>, word: string): { title: number[]; description: number[] } {
  const shard = searchFilesOf(site).get(`w-${shardOf(word)}`) as [string, number[], number[]?][];
  const row = shard.find(([w]) => w === word);
  return { title: row?.[1] ?? [], description: row?.[2] ?? [] };
}

// The example registry, without git history: the site of the working tree alone.
describe("the example registry's site", () => {
  let site: Map<string, string>;
  before(async () => {
    site = await buildSite(readInput("contracts", process.cwd()), []);
  });
  const page = (prefix: string) => {
    const path = [...site.keys()].find((p) => p.startsWith(`contracts/${prefix}`));
    assert.ok(path, `no page contracts/${prefix}*`);
    return site.get(path)!;
  };

  it("has an index listing all six contracts, the assets and the search index (the marker is the writer's)", () => {
    const index = site.get("index.html")!;
    assert.equal(index.match(/class="contract-row"/g)?.length, 6);
    for (const title of ["Orders API", "Order events", "Refund", "shop.catalog.v1", "shop.users.v1"]) assert.ok(index.includes(`>${title}</a>`), title);
    for (const path of ["assets/style.css", "assets/site.js", "search/manifest.js", "search/e-0.js"]) assert.ok(site.has(path), path);
    assert.ok(!site.has(".charter-site"), "the marker and its manifest are written by workspace.ts");
    assert.ok(index.includes('id="search"') && index.includes('id="search-results"'));
    assert.ok(index.includes('id="filter-kind"') && index.includes('id="filter-owner"') && index.includes('data-owner="team-orders"'));
  });

  it("has a page per contract with anchors on fields, operations and messages, and a changelog", () => {
    const proto = page("proto-shop-catalog-v1");
    assert.ok(proto.includes('id="field-shop-catalog-v1-Item-price_minor"'));
    assert.ok(proto.includes("Price in the smallest unit of the currency (cents)."), "field comment");
    assert.ok(proto.includes('id="rpc-shop-catalog-v1-CatalogService-GetItem"'));
    assert.ok(!proto.includes("charter:slo"), "charter directives are not documentation");
    assert.match(page("proto-shop-users-v1"), /Reserved: <code>3<\/code> <code>&quot;phone&quot;<\/code>/);
    const openapi = page("openapi-shop-orders-v1");
    assert.ok(openapi.includes('id="op-createOrder"') && openapi.includes('id="op-getOrder"'));
    assert.ok(openapi.includes('id="schema-Order"') && openapi.includes('id="field-Order-status"'));
    assert.ok(openapi.includes('<a class="ref" href="#schema-NewOrder">NewOrder</a>'), "a $ref links to its schema");
    const asyncapi = page("asyncapi-urn-shop-orders-events");
    assert.ok(asyncapi.includes('id="msg-orderPaid-orderPaid"') && asyncapi.includes('id="op-publishOrderPaid"'));
    for (const html of [proto, openapi, asyncapi]) {
      assert.ok(html.includes('<a id="changelog-link" href="#changelog">'));
      assert.ok(html.includes('<section id="changelog">'));
    }
  });

  it("links the producers and consumers of a channel across contracts", () => {
    const peers = (html: string) => /<p class="peers">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
    assert.match(peers(page("asyncapi-urn-shop-orders-events")), /<a href="asyncapi-urn-shop-billing-events\.html#op-onOrderPaid">urn:shop:billing:events · onOrderPaid<\/a> <span class="muted small">\(receive\)/);
    assert.match(peers(page("asyncapi-urn-shop-billing-events")), /<a href="asyncapi-urn-shop-orders-events\.html#op-publishOrderPaid">urn:shop:orders:events · publishOrderPaid<\/a> <span class="muted small">\(send\)/);
  });

  it("shows an example CloudEvent per message that is valid against the payload schema", () => {
    const html = page("asyncapi-urn-shop-orders-events");
    const code = /<code class="cloudevent">([\s\S]*?)<\/code>/.exec(html);
    assert.ok(code, "no example CloudEvent");
    const event = JSON.parse(unescape(code[1]));
    assert.equal(event.specversion, "1.0");
    assert.equal(event.type, "com.shop.order.paid.v1");
    assert.equal(event.source, "/shop/orders");
    const document = parse(readFileSync("contracts/orders/order-events.asyncapi.yaml", "utf8")) as { components: object };
    const ajv = new Ajv({ strict: false, validateSchema: false });
    ajv.addFormat("int64", true);
    ajv.addFormat("date-time", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    // The components alone: the document's top-level `id` means something else to JSON Schema.
    ajv.addSchema({ components: document.components }, "asyncapi");
    const validate = ajv.compile({ $ref: "asyncapi#/components/schemas/OrderPaid" });
    assert.ok(validate(event.data), JSON.stringify(validate.errors));
  });

  it("indexes contracts, operations, messages and fields for search, with links into the pages", () => {
    const entries = searchIndex(site);
    const find = (kind: string, title: string) => entries.find((e) => e.kind === kind && e.title === title);
    assert.ok(find("contract", "Orders API"));
    assert.match(find("operation", "POST /orders (createOrder)")!.href, /^contracts\/openapi-shop-orders-v1\.html#op-createOrder$/);
    assert.ok(find("message", "Order paid (com.shop.order.paid.v1)"));
    assert.match(find("field", "Item.price_minor")!.href, /#field-shop-catalog-v1-Item-price_minor$/);
    // Every link points at a page of the site and an id on it.
    for (const entry of entries) {
      const [path, id] = entry.href.split("#");
      assert.ok(site.has(path), entry.href);
      if (id) assert.ok(site.get(path)!.includes(`id="${id}"`), entry.href);
    }
  });

  it("splits the search index into word shards and entry chunks, leading from names and description words to entries", () => {
    const entries = searchIndex(site);
    const priceMinor = entries.findIndex((e) => e.title === "Item.price_minor");
    // By its name, whole and by part, and by a word of its comment ("Price in the smallest unit of the currency (cents).").
    assert.ok(postingsOf(site, "price_minor").title.includes(priceMinor));
    assert.ok(postingsOf(site, "minor").title.includes(priceMinor));
    assert.ok(postingsOf(site, "cents").description.includes(priceMinor));
    // Stop words lead nowhere; every shard holds only words of its own prefix.
    assert.deepEqual(postingsOf(site, "the"), { title: [], description: [] });
    const loaded = searchFilesOf(site);
    const manifest = loaded.get("manifest") as { shards: string[]; chunk: number; entries: number };
    assert.equal(manifest.entries, entries.length);
    assert.equal(manifest.chunk, SEARCH_CHUNK);
    for (const key of manifest.shards) for (const [word] of loaded.get(`w-${key}`) as [string][]) assert.equal(shardOf(word), key, word);
  });
});

describe("the search index script", () => {
  it("cannot close its <script> element, whatever the contracts say", async () => {
    const title = "</script><script>alert(1)</script><!-- \u2028\u2029 & >";
    const registry: Snapshot = {
      label: "mem",
      base: "mem",
      files: new Map([["api.openapi.yaml", [
        "openapi: 3.1.0",
        `info: { title: ${JSON.stringify(title)}, version: "1" }`,
        "paths:",
        "  /x:",
        "    get:",
        `      operationId: "op</SCRIPT>"`,
        "      responses: { '200': { description: ok } }",
      ].join("\n")]]),
    };
    const site = await buildSite(registry, []);
    for (const [path, script] of site) {
      if (!path.startsWith("search/")) continue;
      assert.doesNotMatch(script, /<\/?script|<!--|[\u2028\u2029]/i, path);
      assert.doesNotMatch(script, /[<>]/, path);
    }
    // The strings survive intact for the search to show them.
    const entries = searchIndex(site);
    assert.ok(entries.some((e) => e.kind === "contract" && e.title === title));
    assert.ok(entries.some((e) => e.title.includes("op</SCRIPT>")));
  });
});
