import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import avsc from "avsc";
import { connect, headers as natsHeaders, type NatsConnection } from "nats";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { AVRO_REGISTRY, SHIPPED_SCHEMA } from "../helpers/avro-registry.js";
import { natsServerSkip, startNatsServer, storedMessages, type NatsServer } from "../helpers/nats-server.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * Generated producers and consumers of Avro payloads over a real nats-server on 127.0.0.1: typed
 * (tsc refuses a wrong payload), encoded by avsc (plain Avro binary, or Confluent's wire format
 * where the message says `x-charter-confluent-schema-id`), and an undecodable event dead-lettered.
 */
const SHIPPED = { orderId: "o-1", parcels: 2, weightGrams: 1500, carrier: "DHL", note: null, label: Buffer.from("LBL-1") };
const RETURNED = { orderId: "o-2", reason: "too small" };
const SHIPPED_TYPE = avsc.Type.forSchema(SHIPPED_SCHEMA as avsc.Schema);

/**
 * Polls until `condition` holds. No clock is read: a hang ends at the suite's timeout, so a loaded
 * machine cannot fail a test that would pass.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Every message stored for a subject, with its payload as a Buffer. */
const stored = async (nc: NatsConnection, subject: string) => (await storedMessages(nc, subject)).map((m) => ({ headers: m.headers, data: Buffer.from(m.data) }));

describe("generated Avro producer and consumer over NATS JetStream", { skip: natsServerSkip(), timeout: 180_000 }, () => {
  let shipments: any;
  let natsTransport: (options: Record<string, unknown>) => Promise<any>;
  let server: NatsServer;
  let nc: NatsConnection;

  before(async () => {
    const registry = tempTree(AVRO_REGISTRY);
    const files = await generateSdks(readInput(registry, registry));
    // A user's module: tsc must accept the typed calls and refuse a payload of the wrong shape.
    files.set(
      "use.ts",
      `import { createProducer } from "./urn-shop-shipments/index.js";
export async function ship(producer: ReturnType<typeof createProducer>): Promise<Buffer> {
  const event = await producer.publishShipped({ orderId: "o", parcels: 1, weightGrams: 2, carrier: "UPS", note: null, label: Buffer.from("x") });
  // @ts-expect-error parcels is an Avro int: a number
  await producer.publishShipped({ orderId: "o", parcels: "1", weightGrams: 2, carrier: "UPS", note: null, label: Buffer.from("x") });
  // @ts-expect-error carrier is an Avro enum
  await producer.publishShipped({ orderId: "o", parcels: 1, weightGrams: 2, carrier: "FEDEX", note: null, label: Buffer.from("x") });
  return event.data!;
}
`,
    );
    const compiled = compileSdk(files, "charter-events-avro-");
    assert.equal(compiled.output, "", compiled.output);
    const load = (path: string) => import(pathToFileURL(join(compiled.dir, path)).href);
    shipments = await load("urn-shop-shipments/index.ts");
    ({ natsTransport } = await load("urn-shop-shipments/transports/nats.ts"));
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
  });

  after(async () => {
    await nc?.close();
    await server?.stop();
  });

  it("sends the payload as Avro binary that avsc reads, and the consumer gets it back typed", async () => {
    const transport = await natsTransport({ servers: server.url });
    const reports: any[] = [];
    try {
      const producer = shipments.createProducer({ transport });
      const event = await producer.publishShipped(SHIPPED, { id: "s-1" });
      const [message] = await stored(nc, "order.shipped.v1");
      assert.equal(message.headers["content-type"], "application/avro");
      assert.equal(message.headers["ce-id"], "s-1");
      assert.deepEqual(message.data, SHIPPED_TYPE.toBuffer(SHIPPED));
      // avsc decodes a record as an instance of its record class: its fields are what count.
      assert.deepEqual({ ...SHIPPED_TYPE.fromBuffer(message.data) }, SHIPPED);
      assert.deepEqual(Buffer.from(event.data), message.data);

      const handled: unknown[] = [];
      const subscription = await shipments.createConsumer({ transport, onEvent: (r: unknown) => reports.push(r) }).onShipped((data: unknown) => void handled.push(data));
      await waitFor(() => handled.length === 1);
      await subscription.stop();
      assert.deepEqual(handled.map((data) => ({ ...(data as object) })), [SHIPPED]);
    } finally {
      await transport.close();
    }
  });

  it("sends an Avro event structured (its data base64 in the JSON document) when asked, and the consumer decodes it", async () => {
    const producerTransport = await natsTransport({ servers: server.url, mode: "structured" });
    const consumerTransport = await natsTransport({ servers: server.url });
    try {
      await shipments.createProducer({ transport: producerTransport }).publishShipped({ ...SHIPPED, orderId: "o-structured" }, { id: "s-2" });
      const message = (await stored(nc, "order.shipped.v1")).find((m) => m.headers["content-type"]?.startsWith("application/cloudevents+json"));
      assert.ok(message, "no structured message");
      assert.equal(JSON.parse(message.data.toString("utf8")).data_base64, SHIPPED_TYPE.toBuffer({ ...SHIPPED, orderId: "o-structured" }).toString("base64"));
      const handled: any[] = [];
      const subscription = await shipments.createConsumer({ transport: consumerTransport, group: "structured" }).onShipped((data: unknown) => void handled.push(data));
      await waitFor(() => handled.some((data) => data.orderId === "o-structured"));
      await subscription.stop();
      assert.deepEqual({ ...handled.find((data) => data.orderId === "o-structured") }, { ...SHIPPED, orderId: "o-structured" });
    } finally {
      await producerTransport.close();
      await consumerTransport.close();
    }
  });

  it("refuses to send data its Avro schema does not accept, naming the field", async () => {
    const transport = await natsTransport({ servers: server.url });
    try {
      const producer = shipments.createProducer({ transport });
      await assert.rejects(producer.publishShipped({ ...SHIPPED, parcels: 2.5 }), (error: Error) => error.name === "EventValidationError" && /\/parcels/.test(error.message));
    } finally {
      await transport.close();
    }
  });

  it("writes Confluent's wire format (magic byte, schema id 7) where the message declares a schema id, and reads it back", async () => {
    const transport = await natsTransport({ servers: server.url });
    try {
      await shipments.createProducer({ transport }).publishReturned(RETURNED);
      const [message] = await stored(nc, "order.returned.v1");
      assert.deepEqual([...message.data.subarray(0, 5)], [0, 0, 0, 0, 7]);
      const returned = avsc.Type.forSchema({ type: "record", name: "OrderReturned", fields: [{ name: "orderId", type: "string" }, { name: "reason", type: ["null", "string"], default: null }] });
      assert.deepEqual({ ...returned.fromBuffer(message.data.subarray(5)) }, RETURNED);
      const handled: unknown[] = [];
      const subscription = await shipments.createConsumer({ transport }).onReturned((data: unknown) => void handled.push(data));
      await waitFor(() => handled.length === 1);
      await subscription.stop();
      assert.deepEqual(handled.map((data) => ({ ...(data as object) })), [RETURNED]);
    } finally {
      await transport.close();
    }
  });

  it("dead-letters an event whose bytes its Avro schema cannot decode, with the bytes as received", async () => {
    const transport = await natsTransport({ servers: server.url });
    const reports: any[] = [];
    try {
      const subscription = await shipments.createConsumer({ transport, group: "undecodable", onEvent: (r: unknown) => reports.push(r) }).onShipped(() => "handled");
      // A valid CloudEvent in binary mode whose data is not OrderShipped in Avro: a string where a record starts.
      const garbage = avsc.Type.forSchema("string").toBuffer("not an order");
      const h = natsHeaders();
      for (const [name, value] of Object.entries({ "ce-id": "bad-1", "ce-specversion": "1.0", "ce-type": "urn:shop:shipments.OrderShipped", "ce-source": "urn:shop:shipments", "content-type": "application/avro" })) h.set(name, value);
      await nc.jetstream().publish("order.shipped.v1", garbage, { headers: h });
      await waitFor(() => reports.some((r) => r.kind === "dead-lettered" && r.key?.includes("bad-1")));
      await subscription.stop();
      const letter = (await stored(nc, "order.shipped.v1.dlq")).find((m) => m.headers["ce-id"] === "bad-1");
      assert.ok(letter, "no dead letter on order.shipped.v1.dlq");
      assert.match(letter.headers["ce-deadletterreason"], /^OrderShipped data cannot be decoded: /);
      assert.equal(letter.headers["ce-deadletteroperation"], "onShipped");
      assert.deepEqual(letter.data, garbage);
      // The events sent before it were handled; it never reached the handler.
      assert.ok(!reports.some((r) => r.kind === "handled" && r.key.includes("bad-1")));
      assert.ok(reports.some((r) => r.kind === "handled" && r.key.includes("s-1")));
    } finally {
      await transport.close();
    }
  });
});
