import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { buildSite } from "../../src/docs/site.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/** An order contract whose message takes its required `tenant` header from a message trait, in 2.6 or 3.0. */
const CONTRACTS = {
  "2.6": `asyncapi: 2.6.0
id: urn:shop:orders
info: { title: Orders, version: 1.0.0 }
channels:
  order.paid.v1:
    subscribe:
      operationId: sendPaid
      message: { $ref: '#/components/messages/OrderPaid' }
components:
  messages:
    OrderPaid:
      traits: [{ $ref: '#/components/messageTraits/Tenant' }]
      payload: { type: object, required: [orderId], properties: { orderId: { type: string } } }
  messageTraits:
    Tenant:
      headers: { type: object, required: [tenant], properties: { tenant: { type: string, description: The shop tenant } } }
`,
  "3.0": `asyncapi: 3.0.0
id: urn:shop:orders
info: { title: Orders, version: 1.0.0 }
channels:
  paid:
    address: order.paid.v1
    messages:
      OrderPaid: { $ref: '#/components/messages/OrderPaid' }
operations:
  sendPaid:
    action: send
    channel: { $ref: '#/channels/paid' }
components:
  messages:
    OrderPaid:
      traits: [{ $ref: '#/components/messageTraits/Tenant' }]
      payload: { type: object, required: [orderId], properties: { orderId: { type: string } } }
  messageTraits:
    Tenant:
      headers: { type: object, required: [tenant], properties: { tenant: { type: string, description: The shop tenant } } }
`,
};

describe("a header a message takes from its traits", () => {
  for (const [version, text] of Object.entries(CONTRACTS)) {
    it(`${version}: is typed and required by the producer, checked, and sent beside the event`, async () => {
      const dir = tempTree({ "orders.asyncapi.yaml": text });
      const files = await generateEventPackages(readInput(dir, dir));
      assert.match(files.get("urn-shop-orders/types.ts")!, /export type OrderPaidHeaders = /);
      // Compiled with a caller that leaves the required header out: tsc --strict must refuse it.
      files.set("urn-shop-orders/misuse.ts", 'import { createProducer } from "./index.js";\nvoid createProducer().sendPaid({ orderId: "o-1" });\n');
      const misused = compileSdk(files, "charter-events-traits-");
      assert.match(misused.output, /misuse\.ts\(2,.*error TS2554: Expected 2 arguments, but got 1/);
      files.delete("urn-shop-orders/misuse.ts");
      const compiled = compileSdk(files, "charter-events-traits-");
      assert.equal(compiled.output, "", compiled.output);

      const orders = await import(pathToFileURL(join(compiled.dir, "urn-shop-orders", "index.ts")).href);
      const sent: { channel: string; headers?: Record<string, string> }[] = [];
      const transport = { send: async (message: { channel: string; headers?: Record<string, string> }) => void sent.push(message), subscribe: async () => ({ stop: async () => {} }), close: async () => {} };
      const producer = orders.createProducer({ transport });
      await assert.rejects(producer.sendPaid({ orderId: "o-1" }, { headers: {} }), /OrderPaid headers is invalid: \/tenant must have required property 'tenant'/);
      assert.equal(sent.length, 0);
      await producer.sendPaid({ orderId: "o-1" }, { headers: { tenant: "eu" } });
      assert.deepEqual(sent.map((m) => [m.channel, m.headers]), [["order.paid.v1", { tenant: "eu" }]]);
    });

    it(`${version}: is shown on the docs page`, async () => {
      const dir = tempTree({ "orders.asyncapi.yaml": text });
      const site = await buildSite(readInput(dir, dir), []);
      const page = [...site.entries()].find(([path]) => path.startsWith("contracts/asyncapi-"))?.[1] ?? "";
      assert.match(page, /<h5>Headers<\/h5>[\s\S]*tenant[\s\S]*The shop tenant/);
    });
  }
});
