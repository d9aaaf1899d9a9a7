import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import { CloudEvent } from "cloudevents";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { applicationHeaders } from "../../templates/codegen/charter-runtime/events/headers.js";
import { tempTree } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, type NatsServer } from "../helpers/nats-server.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * The generated consumer validates the headers a message declares (here through a message trait,
 * in 2.6 and 3.0) as it validates the payload: a message with invalid headers is dead-lettered
 * with the reason, one with valid headers is handled. Run over NATS JetStream on 127.0.0.1.
 */
const HEADERS = "{ type: object, required: [tenant], properties: { tenant: { type: string, minLength: 1 }, retries: { type: integer, minimum: 0 } } }";
const MESSAGE = `    OrderPaid:
      traits: [{ $ref: '#/components/messageTraits/Tenant' }]
      payload: { type: object, required: [orderId], properties: { orderId: { type: string } } }
  messageTraits:
    Tenant:
      headers: ${HEADERS}
`;
const CONTRACTS = {
  "2.6": `asyncapi: 2.6.0
id: urn:shop:orders
info: { title: Orders, version: 1.0.0 }
channels:
  order.paid.v1:
    subscribe:
      operationId: sendPaid
      message: { $ref: '#/components/messages/OrderPaid' }
    publish:
      operationId: onPaid
      message: { $ref: '#/components/messages/OrderPaid' }
components:
  messages:
${MESSAGE}`,
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
  onPaid:
    action: receive
    channel: { $ref: '#/channels/paid' }
components:
  messages:
${MESSAGE}`,
};

describe("applicationHeaders: the declared headers among those received", () => {
  const rows: [string, Record<string, string>, Record<string, unknown>][] = [
    ["text as it is, JSON parsed", { tenant: "acme", retries: "3" }, { tenant: "acme", retries: 3 }],
    ["names matched without case (Kafka keeps it)", { Tenant: "acme", RETRIES: "0" }, { tenant: "acme", retries: 0 }],
    ["a text header that looks like JSON stays text", { tenant: "42" }, { tenant: "42" }],
    ["headers not declared (CloudEvents, broker) left out", { tenant: "acme", "ce-id": "1", "content-type": "application/json" }, { tenant: "acme" }],
    ["JSON that does not parse stays text, for the validator to refuse", { retries: "three" }, { retries: "three" }],
  ];
  for (const [name, received, expected] of rows) {
    it(name, () => assert.deepEqual(applicationHeaders(received, { tenant: "text", retries: "json" }), expected));
  }
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("the generated consumer validates headers over NATS", { skip: natsServerSkip() }, () => {
  // A server per version: both contracts use one subject, and a stream keeps what the other sent.
  let server: NatsServer | undefined;
  after(async () => {
    await server?.stop();
  });

  for (const [version, text] of Object.entries(CONTRACTS)) {
    it(`${version}: valid headers are handled, invalid ones dead-lettered with the reason`, async () => {
      const dir = tempTree({ "orders.asyncapi.yaml": text });
      const files = await generateEventPackages(readInput(dir, dir));
      assert.match(files.get("urn-shop-orders/events.ts")!, /consumerHeaders: \{ validate: validators\.consumerOrderPaidHeaders as CompiledValidator, kinds: \{ "tenant": "text", "retries": "json" \} \}/);
      const compiled = compileSdk(files, "charter-events-headers-");
      assert.equal(compiled.output, "", compiled.output);
      const load = (path: string) => import(pathToFileURL(join(compiled.dir, "urn-shop-orders", path)).href);
      const orders = await load("index.ts");
      const { natsTransport } = await load("transports/nats.ts");
      await server?.stop();
      server = await startNatsServer();
      const transport = await natsTransport({ servers: server.url });

      const handled: [string, unknown][] = [];
      const deadLettered: string[] = [];
      const consumer = orders.createConsumer({
        transport,
        group: `headers_${version.replace(".", "_")}`,
        ackWaitMs: 2_000,
        retry: { attempts: 1 },
        onEvent: (report: { kind: string; reason?: string }) => {
          if (report.kind === "dead-lettered") deadLettered.push(report.reason!);
        },
      });
      const subscription = await consumer.onPaid((data: { orderId: string }, context: { headers: Record<string, string> }) => {
        handled.push([data.orderId, context.headers.tenant]);
      });

      // Through the producer: typed and checked before sending.
      await orders.createProducer({ transport }).sendPaid({ orderId: "o-1" }, { headers: { tenant: "acme", retries: 2 } });
      // Raw, as a producer that does not check would send them.
      const send = (orderId: string, headers: Record<string, string>) =>
        transport.send({ channel: "order.paid.v1", headers, event: new CloudEvent({ source: "urn:shop:orders", type: "urn:shop:orders.OrderPaid", datacontenttype: "application/json", data: { orderId } }) });
      await send("o-2", { tenant: "acme", retries: "3" });
      await send("o-3", { retries: "1" });
      await send("o-4", { tenant: "acme", retries: "two" });
      await send("o-5", { tenant: "" });

      for (let waited = 0; handled.length + deadLettered.length < 5 && waited < 20_000; waited += 20) await sleep(20);
      assert.deepEqual(handled, [["o-1", "acme"], ["o-2", "acme"]]);
      assert.deepEqual(deadLettered, [
        "OrderPaid headers is invalid: /tenant must have required property 'tenant'",
        "OrderPaid headers is invalid: /retries must be integer",
        "OrderPaid headers is invalid: /tenant must NOT have fewer than 1 characters",
      ]);
      await subscription.stop();
      await transport.close();
    });
  }
});
