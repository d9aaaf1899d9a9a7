/**
 * The docs' example CloudEvent of a message is the event the generated producer sends for the same
 * data: the same attributes, declared or defaulted, and the same partition key. The oracle is the
 * generated producer itself, publishing into a transport that keeps what it is given.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { generateSdks } from "../../src/codegen/generate.js";
import { buildSite } from "../../src/docs/site.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT, tempTree } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/** A contract that declares no CloudEvents attributes, one message with an example and one sent in structured mode. */
const PLAIN = `asyncapi: 3.0.0
id: urn:shop:stock
info: { title: Stock, version: 1.0.0 }
channels:
  levels:
    address: stock.levels
    messages:
      StockLevel:
        name: StockLevel
        contentType: application/json
        x-charter-business-key: sku
        payload:
          type: object
          required: [sku, count]
          properties:
            sku: { type: string }
            count: { type: integer, minimum: 0 }
        examples:
          - payload: { sku: "A-1", count: 3 }
      Restocked:
        contentType: application/cloudevents+json
        payload:
          type: object
          required: [sku]
          properties:
            sku: { type: string, minLength: 2 }
operations:
  publishLevel:
    action: send
    channel: { $ref: '#/channels/levels' }
`;

/** Attributes that differ per event by design. */
const varying = ({ id, time, traceparent, ...rest }: Record<string, unknown>) => rest;

describe("the docs' example event is what the generated producer sends", () => {
  let registry: string;
  let examples: Record<string, unknown>[];
  let sent: Record<string, unknown>[];

  before(async () => {
    registry = tempTree({
      "orders/order-events.asyncapi.yaml": readFileSync(join(ROOT, "contracts", "orders", "order-events.asyncapi.yaml"), "utf8"),
      "stock/stock.asyncapi.yaml": PLAIN,
    });
    const snapshot = readInput(registry, registry);
    const site = await buildSite(snapshot, []);
    const unescape = (html: string) => html.replace(/&(quot|amp|lt|gt|#x27|#x3D|#x60);/g, (_, e: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#x3D": "=", "#x60": "`" })[e]!);
    examples = [...site.entries()]
      .filter(([path]) => path.startsWith("contracts/asyncapi-"))
      .flatMap(([, html]) => [...html.matchAll(/<code class="cloudevent">([\s\S]*?)<\/code>/g)].map((m) => JSON.parse(unescape(m[1]))));
    const compiled = compileSdk(await generateSdks(snapshot), "charter-example-event-");
    assert.equal(compiled.output, "", compiled.output);
    sent = [];
    // As the event travels in structured mode: attributes left undefined are not there.
    const transport = { send: async ({ event }: { event: object }) => void sent.push(JSON.parse(JSON.stringify(event))), subscribe: async () => undefined, close: async () => undefined };
    const load = (name: string) => import(pathToFileURL(join(compiled.dir, name, "index.ts")).href);
    const orders = await load("urn-shop-orders-events");
    const stock = await load("urn-shop-stock");
    const byType = (type: string) => examples.find((e) => e.type === type)?.data;
    await orders.createProducer({ transport }).publishOrderPaid(byType("com.shop.order.paid.v1"));
    const producer = stock.createProducer({ transport });
    await producer.publishLevelStockLevel(byType("urn:shop:stock.StockLevel"));
    await producer.publishLevelRestocked(byType("urn:shop:stock.Restocked"));
  });

  it("shows one example per message, typed and sourced as the producer sends it", () => {
    assert.deepEqual(examples.map((e) => e.type).sort(), ["com.shop.order.paid.v1", "urn:shop:stock.Restocked", "urn:shop:stock.StockLevel"]);
  });

  it("agrees with the producer on every attribute but id, time and traceparent, declared or defaulted", () => {
    assert.equal(sent.length, 3);
    for (const event of sent) {
      const example = examples.find((e) => e.type === event.type);
      assert.ok(example, `no example for ${String(event.type)}`);
      assert.deepEqual(varying(example), varying(event), String(event.type));
    }
    // The defaults themselves: the contract's id as the source, the message's key in the type, the partition key from the business key.
    const level = sent.find((e) => e.type === "urn:shop:stock.StockLevel")!;
    assert.equal(level.source, "urn:shop:stock");
    assert.equal(level.partitionkey, "A-1");
    assert.equal(sent.find((e) => e.type === "urn:shop:stock.Restocked")!.datacontenttype, "application/json");
  });
});
