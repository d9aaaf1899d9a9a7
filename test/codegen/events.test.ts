import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { CloudEvent, HTTP } from "cloudevents";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT, tempTree } from "../helpers/cli.js";
import { assertGolden } from "../helpers/golden.js";
import { compileSdk } from "../helpers/sdk.js";

/** A broker in memory: one queue per channel, redelivery on retryLater, delivery counts. */
function memoryTransport() {
  const sent: { channel: string; event: CloudEvent<unknown>; partitionKey?: string }[] = [];
  const routes = new Map<string, (delivery: any) => Promise<void>>();
  const acked: string[] = [];
  const deliver = async (channel: string, headers: Record<string, string>, body: string, count = 1): Promise<void> => {
    const route = routes.get(channel);
    if (!route) return;
    let redeliver = false;
    await route({
      decode: () => HTTP.toEvent({ headers, body }) as CloudEvent<unknown>,
      raw: () => ({ headers, body }),
      deliveryCount: count,
      ack: async () => void acked.push(body),
      retryLater: async () => void (redeliver = true),
    });
    if (redeliver) await deliver(channel, headers, body, count + 1);
  };
  return {
    sent,
    acked,
    deliver,
    transport: {
      async send(message: { channel: string; event: CloudEvent<unknown>; partitionKey?: string }) {
        sent.push(message);
        const { headers, body } = HTTP.binary(message.event);
        await deliver(message.channel, headers as Record<string, string>, String(body));
      },
      async subscribe(spec: { channel: string }, onDelivery: (delivery: any) => Promise<void>) {
        routes.set(spec.channel, onDelivery);
        return { stop: async () => void routes.delete(spec.channel) };
      },
      async close() {},
    },
  };
}

const PAID = { orderId: "o-1", userId: "u-1", amount: 1250, currency: "EUR", paymentMethod: "card", paidAt: "2026-11-22T10:00:00Z" };

describe("generated event packages: the example registry", () => {
  // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
  let orders: any;
  let billing: any;
  let files: Map<string, string>;

  before(async () => {
    files = await generateSdks(readInput(join(ROOT, "contracts"), ROOT));
    const compiled = compileSdk(files, "charter-events-");
    assert.equal(compiled.output, "", compiled.output);
    assert.equal(compiled.status, 0);
    orders = await import(pathToFileURL(join(compiled.dir, "urn-shop-orders-events", "index.ts")).href);
    billing = await import(pathToFileURL(join(compiled.dir, "urn-shop-billing-events", "index.ts")).href);
  });

  it("writes a package per AsyncAPI contract, and events.ts reads as the golden files say", () => {
    for (const pkg of ["urn-shop-orders-events", "urn-shop-billing-events"]) {
      for (const file of ["events.ts", "index.ts", "types.ts", "validators.ts", "runtime.ts", "package.json"]) assert.ok(files.has(`${pkg}/${file}`), `${pkg}/${file}`);
      assertGolden(`codegen/${pkg}.events.ts`, files.get(`${pkg}/events.ts`)!);
    }
    assert.match(files.get("urn-shop-orders-events/validators.ts")!, /^\/\/ @ts-nocheck/);
  });

  it("a producer wraps valid data in a CloudEvent with the contract's attributes and the business key as partition key", async () => {
    const broker = memoryTransport();
    const event = await orders.createProducer({ transport: broker.transport }).publishOrderPaid(PAID, { subject: "orders/o-1" });
    assert.equal(broker.sent.length, 1);
    const { channel, partitionKey } = broker.sent[0];
    assert.equal(channel, "order.paid.v1");
    assert.equal(partitionKey, "o-1");
    assert.equal(event.type, "com.shop.order.paid.v1");
    assert.equal(event.source, "/shop/orders");
    assert.equal(event.dataschema, "https://schemas.shop.example/orders/order-paid.v1.json");
    assert.equal(event.datacontenttype, "application/json");
    assert.equal(event.subject, "orders/o-1");
    assert.equal(event.partitionkey, "o-1");
    assert.match(event.id, /^[0-9a-f-]{36}$/);
    assert.ok(!Number.isNaN(Date.parse(event.time)));
    assert.match(event.traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.deepEqual(event.data, PAID);
  });

  it("a producer refuses invalid data with an error naming each field, and sends nothing", async () => {
    const broker = memoryTransport();
    const producer = orders.createProducer({ transport: broker.transport });
    await assert.rejects(producer.publishOrderPaid({ ...PAID, amount: -1, currency: "euro" }), (error: any) => {
      assert.equal(error.name, "EventValidationError");
      assert.deepEqual(error.problems.map((p: any) => p.field).sort(), ["/amount", "/currency"]);
      assert.match(error.message, /OrderPaid is invalid: .*\/amount must be >= 0/);
      return true;
    });
    await assert.rejects(producer.publishOrderPaid({ ...PAID, userId: undefined }), /\/userId must have required property 'userId'/);
    await assert.rejects(producer.publishOrderPaid({ ...PAID, paidAt: "yesterday" }), /\/paidAt must match format "date-time"/);
    // The producer is strict: a value the consumer would map to its fallback is not the producer's to send.
    await assert.rejects(producer.publishOrderPaid({ ...PAID, paymentMethod: "crypto" }), /\/paymentMethod must be equal to one of the allowed values/);
    assert.equal(broker.sent.length, 0);
  });

  it("a consumer applies each event's effect once, however often it is delivered", async () => {
    const broker = memoryTransport();
    const store = new billing.MemoryIdempotencyStore();
    const seen: unknown[] = [];
    await billing.createConsumer({ transport: broker.transport, store }).onOrderPaid((data: any) => {
      seen.push(data.orderId);
      return { booked: data.amount };
    });
    const event = await orders.createProducer({ transport: broker.transport }).publishOrderPaid(PAID);
    const { headers, body } = HTTP.structured(event);
    await broker.deliver("order.paid.v1", headers as Record<string, string>, String(body));
    await broker.deliver("order.paid.v1", headers as Record<string, string>, String(body), 2);
    assert.deepEqual(seen, ["o-1"]);
    assert.deepEqual([...store.effects.entries()], [[`onOrderPaid /shop/orders ${event.id}`, { booked: 1250 }]]);
    assert.equal(broker.acked.length, 3, "duplicates are acked, not redelivered forever");
  });

  it("a consumer whose store cannot commit leaves the event unacked, to be handled again", async () => {
    const broker = memoryTransport();
    const store = new billing.MemoryIdempotencyStore();
    const commit = store.commit.bind(store);
    let failures = 1;
    store.commit = async (key: string, effect: unknown) => {
      if (failures-- > 0) throw new Error("disk full");
      return commit(key, effect);
    };
    const reports: string[] = [];
    let calls = 0;
    await billing.createConsumer({ transport: broker.transport, store, onEvent: (r: any) => reports.push(r.kind) }).onOrderPaid(() => ++calls);
    await orders.createProducer({ transport: broker.transport }).publishOrderPaid(PAID);
    assert.deepEqual(reports, ["commit-failed", "handled"]);
    assert.deepEqual([...store.effects.values()], [2]);
    assert.equal(broker.sent.filter((m) => m.channel === "billing.order-paid.dlq.v1").length, 0);
  });

  it("a consumer keeps the effect of the instance that committed first, and reports its own as a duplicate", async () => {
    const broker = memoryTransport();
    const store = new billing.MemoryIdempotencyStore();
    const reports: string[] = [];
    await billing.createConsumer({ transport: broker.transport, store, onEvent: (r: any) => reports.push(r.kind) }).onOrderPaid(async (_data: any, context: any) => {
      // Another instance, handed the same event by a rebalance, commits while this one works.
      await store.commit(`onOrderPaid ${context.event.source} ${context.event.id}`, "theirs");
      return "ours";
    });
    await orders.createProducer({ transport: broker.transport }).publishOrderPaid(PAID);
    assert.deepEqual(reports, ["duplicate"]);
    assert.deepEqual([...store.effects.values()], ["theirs"]);
    assert.equal(broker.acked.length, 1);
  });

  it("a consumer maps an unknown enum value to the declared fallback, and dead-letters invalid data with the field", async () => {
    const broker = memoryTransport();
    const methods: string[] = [];
    await billing.createConsumer({ transport: broker.transport }).onOrderPaid((data: any) => void methods.push(data.paymentMethod));
    const send = (data: unknown, id: string) => {
      const event = new CloudEvent({ id, type: "com.shop.order.paid.v1", source: "/shop/orders", datacontenttype: "application/json", data });
      const { headers, body } = HTTP.binary(event);
      return broker.deliver("order.paid.v1", headers as Record<string, string>, String(body));
    };
    await send({ ...PAID, paymentMethod: "crypto" }, "e-1");
    await send({ ...PAID, amount: "lots", paymentMethod: "crypto" }, "e-2");
    assert.deepEqual(methods, ["other"]);
    const letters = broker.sent.filter((m) => m.channel === "billing.order-paid.dlq.v1");
    assert.equal(letters.length, 1);
    assert.equal(letters[0].event.id, "e-2");
    assert.equal((letters[0].event.data as any).paymentMethod, "crypto", "the dead letter carries the data as sent");
    assert.match(String(letters[0].event.deadletterreason), /OrderPaid is invalid: \/amount must be integer/);
    assert.equal(letters[0].event.deadletteroperation, "onOrderPaid");
  });

  it("a consumer retries a failing handler with backoff, then dead-letters it with the handler's error", async () => {
    const broker = memoryTransport();
    let calls = 0;
    await billing
      .createConsumer({ transport: broker.transport, retry: { initialMs: 1, maxMs: 2 } })
      .onOrderPaid((data: any) => {
        calls += 1;
        if (data.orderId === "flaky" && calls < 3) throw new Error("ledger busy");
        if (data.orderId === "broken") throw new Error("ledger says no");
        return "ok";
      });
    const producer = orders.createProducer({ transport: broker.transport });
    await producer.publishOrderPaid({ ...PAID, orderId: "flaky" });
    assert.equal(calls, 3);
    calls = 0;
    await producer.publishOrderPaid({ ...PAID, orderId: "broken" });
    assert.equal(calls, 3, "the contract declares 3 attempts");
    const letters = broker.sent.filter((m) => m.channel === "billing.order-paid.dlq.v1");
    assert.equal(letters.length, 1);
    assert.equal(letters[0].event.data && (letters[0].event.data as any).orderId, "broken");
    assert.equal(letters[0].event.deadletterreason, "handler failed 3 time(s): ledger says no");
  });

  it("a consumer dead-letters what is not a CloudEvent, a type it does not receive, a message delivered too often, a stranger's source and an event without an id", async () => {
    const broker = memoryTransport();
    let calls = 0;
    await billing.createConsumer({ transport: broker.transport }).onOrderPaid(() => void (calls += 1));
    await broker.deliver("order.paid.v1", { "content-type": "text/plain" }, "hello");
    const stranger = HTTP.binary(new CloudEvent({ type: "com.shop.order.shipped.v1", source: "/shop/orders", data: {} }));
    await broker.deliver("order.paid.v1", stranger.headers as Record<string, string>, String(stranger.body));
    const tired = HTTP.binary(new CloudEvent({ type: "com.shop.order.paid.v1", source: "/shop/orders", datacontenttype: "application/json", data: PAID }));
    await broker.deliver("order.paid.v1", tired.headers as Record<string, string>, String(tired.body), 6);
    const elsewhere = HTTP.binary(new CloudEvent({ type: "com.shop.order.paid.v1", source: "/shop/ordersx", datacontenttype: "application/json", data: PAID }));
    await broker.deliver("order.paid.v1", elsewhere.headers as Record<string, string>, String(elsewhere.body));
    const below = HTTP.binary(new CloudEvent({ type: "com.shop.order.paid.v1", source: "/shop/orders/eu-1", datacontenttype: "application/json", data: PAID }));
    await broker.deliver("order.paid.v1", below.headers as Record<string, string>, String(below.body));
    const { id: _, ...anonymous } = JSON.parse(String(HTTP.structured(new CloudEvent({ type: "com.shop.order.paid.v1", source: "/shop/orders", data: PAID })).body));
    await broker.deliver("order.paid.v1", { "content-type": "application/cloudevents+json" }, JSON.stringify(anonymous));
    assert.equal(calls, 1, "only the event from below the declared source");
    const reasons = broker.sent.filter((m) => m.channel === "billing.order-paid.dlq.v1").map((m) => String(m.event.deadletterreason));
    assert.equal(reasons.length, 5);
    assert.equal(reasons[3], 'source "/shop/ordersx" is not "/shop/orders" or below it');
    assert.equal(reasons[4], "the event has no id, so it cannot be de-duplicated");
    assert.match(reasons[0], /^not a CloudEvent/);
    assert.match(reasons[1], /type "com\.shop\.order\.shipped\.v1" is not one this operation receives/);
    assert.equal(reasons[2], "delivered 6 times without being handled");
    const undecodable = broker.sent.find((m) => m.event.type === "dev.charter.deadletter.undecodable");
    assert.deepEqual((undecodable?.event.data as any).body, "hello");
  });

  it("a handler continues the producer's trace, and what it publishes continues it too", async () => {
    const broker = memoryTransport();
    const producer = orders.createProducer({ transport: broker.transport });
    let inHandler = "";
    await billing.createConsumer({ transport: broker.transport }).onOrderPaid(async (data: any, context: any) => {
      inHandler = context.traceparent;
      if (data.orderId === "o-1") await producer.publishOrderPaid({ ...PAID, orderId: "o-2" });
    });
    const parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    await producer.publishOrderPaid(PAID, { traceparent: parent });
    const [first, second] = broker.sent.filter((m) => m.channel === "order.paid.v1").map((m) => String(m.event.traceparent));
    assert.match(first, /^00-0af7651916cd43dd8448eb211c80319c-(?!b7ad6b7169203331)[0-9a-f]{16}-01$/);
    assert.match(second, /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    assert.match(inHandler, /^00-0af7651916cd43dd8448eb211c80319c-/);
  });

  it("a file-backed store keeps effects across a restart and skips a torn last line", async () => {
    const dir = tempTree({});
    const path = join(dir, "effects.jsonl");
    const first = new billing.FileIdempotencyStore(path);
    await first.commit("/shop/orders 1", { booked: 1 });
    await first.close();
    const { appendFileSync } = await import("node:fs");
    appendFileSync(path, '{"key":"/shop/orders 2","eff');
    const second = new billing.FileIdempotencyStore(path);
    assert.equal(await second.has("/shop/orders 1"), true);
    assert.equal(await second.has("/shop/orders 2"), false);
    assert.equal(await second.commit("/shop/orders 2", { booked: 2 }), true);
    assert.equal(await second.commit("/shop/orders 2", { booked: 3 }), false, "the first commit of a key wins");
    await second.close();
    const third = new billing.FileIdempotencyStore(path);
    assert.deepEqual([...third.effects.entries()], [["/shop/orders 1", { booked: 1 }], ["/shop/orders 2", { booked: 2 }]]);
    await third.close();
    assert.equal(readFileSync(path, "utf8").split("\n").filter((l) => l.startsWith("{")).length, 3);
  });
});

describe("generated event packages: contract shapes", () => {
  it("handles AsyncAPI 2.6, messages without x-cloudevents, recursive and cross-file payloads", async () => {
    const dir = tempTree({
      "shared/address.schema.json": JSON.stringify({ type: "object", required: ["city"], properties: { city: { type: "string" } } }),
      "stock.asyncapi.yaml": `asyncapi: 2.6.0
id: urn:shop:stock
info: { title: Stock, version: 2.0.0 }
servers:
  broker: { url: "kafka.internal:9092", protocol: kafka }
channels:
  stock.changed.v1:
    subscribe:
      operationId: publishStockChanged
      message:
        name: StockChanged
        payload:
          type: object
          required: [sku, level]
          properties:
            sku: { type: string }
            level: { type: integer }
            warehouse: { $ref: "shared/address.schema.json" }
            parts: { type: array, items: { $ref: "#/components/schemas/Part" } }
  stock.counted.v1:
    publish:
      operationId: onStockCounted
      x-charter-dead-letter: stock.counted.dlq
      message:
        name: StockCounted
        payload: { type: object, properties: { sku: { type: string } } }
components:
  schemas:
    Part:
      type: object
      properties:
        sku: { type: string }
        parts: { type: array, items: { $ref: "#/components/schemas/Part" } }
`,
    });
    const files = await generateEventPackages(readInput(dir, dir));
    const compiled = compileSdk(files, "charter-events-shapes-");
    assert.equal(compiled.output, "", compiled.output);
    const stock = await import(pathToFileURL(join(compiled.dir, "urn-shop-stock", "index.ts")).href);
    assert.deepEqual(stock.servers, { broker: { protocol: "kafka", url: "kafka://kafka.internal:9092" } });
    assert.equal(stock.StockChangedSpec.type, "urn:shop:stock.StockChanged");
    assert.equal(stock.StockChangedSpec.source, "urn:shop:stock");
    const broker = memoryTransport();
    const producer = stock.createProducer({ transport: broker.transport });
    await producer.publishStockChanged({ sku: "a", level: 1, warehouse: { city: "Lyon" }, parts: [{ sku: "b", parts: [{ sku: "c" }] }] });
    await assert.rejects(producer.publishStockChanged({ sku: "a", level: 1, warehouse: {} }), /\/warehouse\/city must have required property/);
    await assert.rejects(producer.publishStockChanged({ sku: "a", level: 1, parts: [{ parts: [{ sku: 3 }] }] }), /\/parts\/0\/parts\/0\/sku must be string/);
    assert.match(files.get("urn-shop-stock/events.ts")!, /deadLetterChannel: "stock\.counted\.dlq"/);
  });

  it("stops at the contract's file when a message schema breaks JSON Schema's own rules", async () => {
    const dir = tempTree({
      "bad.asyncapi.yaml": `asyncapi: 3.0.0
info: { title: Bad, version: "1" }
channels:
  c: { address: a.b, messages: { M: { payload: { type: object, properties: { n: { type: integer, description: { $ref: "#/components/schemas/D" } } } } } } }
operations:
  s: { action: send, channel: { $ref: "#/channels/c" } }
components:
  schemas:
    D: { type: object }
`,
    });
    await assert.rejects(generateEventPackages(readInput(dir, dir)), (error: Error & { file?: string; line?: number }) =>
      /bad\.asyncapi\.yaml$/.test(error.file ?? "") && error.line === 4 && /^description must be a string/.test(error.message));
  });

  it("gives each 2.x operation its own messages, names apart what clashes, and channels with parameters take them", async () => {
    const dir = tempTree({
      "users.asyncapi.yaml": `asyncapi: 2.6.0
id: urn:shop:users
info: { title: Users, version: 1.0.0 }
channels:
  user.events.v1:
    subscribe:
      operationId: sendUser
      message:
        oneOf:
          - $ref: "#/components/messages/Subscription"
          - $ref: "#/components/messages/FooSpec"
    publish:
      operationId: onUser
      message:
        oneOf:
          - $ref: "#/components/messages/Foo"
          - messageId: Producer
            payload: { type: object, properties: { n: { type: integer } } }
  orders.{region}.paid:
    parameters: { region: { description: Region } }
    subscribe:
      operationId: sendRegional
      message: { $ref: "#/components/messages/Foo" }
  empty.v1:
    publish:
      operationId: onNothing
components:
  messages:
    Subscription:
      name: Subscription
      payload: { type: object, required: [s], properties: { s: { type: string } } }
    FooSpec:
      name: FooSpec
      payload: { type: object, properties: { f: { type: string } } }
    Foo:
      name: Foo
      payload: { type: object, properties: { g: { type: string } } }
`,
    });
    const files = await generateEventPackages(readInput(dir, dir));
    const compiled = compileSdk(files, "charter-events-clash-");
    assert.equal(compiled.output, "", compiled.output);
    const events = files.get("urn-shop-users/events.ts")!;
    // Names that runtime.ts and events.ts export are taken: the messages give way.
    assert.match(events, /export const SubscriptionMessageSpec: MessageSpec<types\.SubscriptionMessage>/);
    assert.match(events, /export const ProducerMessageSpec: MessageSpec<types\.ProducerMessage>/);
    // FooSpec comes first and takes FooSpec and FooSpecSpec; Foo's spec would be FooSpec, so Foo gives way.
    assert.match(events, /export const FooSpecSpec: MessageSpec<types\.FooSpec>/);
    assert.match(events, /export const FooMessageSpec: MessageSpec<types\.FooMessage>/);
    // Each operation sends or receives its own side's messages only.
    assert.match(events, /sendUserSubscriptionMessage\(data: types\.SubscriptionMessage/);
    assert.match(events, /sendUserFooSpec\(data: types\.FooSpec,/);
    assert.match(events, /onUser\(handler: EventHandler<types\.FooMessage \| types\.ProducerMessage>\)/);
    assert.match(events, /onNothing\(handler: EventHandler<never>\)/);
    // A channel with parameters takes them, typed, before the data.
    assert.match(events, /sendRegional\(parameters: \{ "region": string \}, data: types\.FooMessage,/);
    const users = await import(pathToFileURL(join(compiled.dir, "urn-shop-users", "index.ts")).href);
    const broker = memoryTransport();
    await users.createProducer({ transport: broker.transport }).sendUserSubscriptionMessage({ s: "x" });
    assert.equal(broker.sent[0].event.type, "urn:shop:users.Subscription");
    await users.createProducer({ transport: broker.transport }).sendRegional({ region: "eu" }, { g: "x" });
    assert.deepEqual([broker.sent[1].channel, (broker.sent[1] as { address?: string }).address], ["orders.eu.paid", "orders.{region}.paid"]);
  });

  it("keeps contract text from escaping comments and strings, and names clashing operations apart", async () => {
    const hostile = `*/ process.exit(1); /* "\${x}" \`tick\` \u2028 line`;
    // An address with `{…}` has parameters (and is skipped): this one keeps `\${` without closing it.
    const address = `a."b"*/ process.exit(1); /* "\${x" \`tick\``;
    const dir = tempTree({
      "odd.asyncapi.yaml": `asyncapi: 3.0.0
id: ${JSON.stringify(`urn:odd:${hostile}`)}
info: { title: ${JSON.stringify(hostile)}, version: 1.0.0 }
channels:
  weird:
    address: ${JSON.stringify(address)}
    description: ${JSON.stringify(hostile)}
    messages:
      class:
        name: class
        x-cloudevents: { type: ${JSON.stringify(`t${hostile}`)}, source: ${JSON.stringify(`/s${hostile}`)} }
        payload: { type: object, properties: { "odd-name": { type: string, description: ${JSON.stringify(hostile)} } } }
operations:
  send-it:
    action: send
    channel: { $ref: "#/channels/weird" }
  sendIt:
    action: send
    channel: { $ref: "#/channels/weird" }
  close:
    action: receive
    channel: { $ref: "#/channels/weird" }
`,
    });
    const files = await generateEventPackages(readInput(dir, dir));
    const compiled = compileSdk(files, "charter-events-odd-");
    assert.equal(compiled.output, "", compiled.output);
    const folder = [...files.keys()][0].split("/")[0];
    const odd = await import(pathToFileURL(join(compiled.dir, folder, "index.ts")).href);
    const broker = memoryTransport();
    const producer = odd.createProducer({ transport: broker.transport });
    assert.deepEqual(Object.keys(producer).sort(), ["close", "sendIt", "sendIt2"]);
    // The source is not a URI-reference: the CloudEvents SDK's own check refuses it, named as an attribute.
    await assert.rejects(producer.sendIt({ "odd-name": "x" }), (error: any) => {
      assert.equal(error.name, "EventValidationError");
      assert.match(error.message, /^Class \(CloudEvents attributes\) is invalid: attribute source must match format "uri-reference"/);
      return true;
    });
    assert.equal(broker.sent.length, 0);
    assert.equal(odd.ClassSpec.type, `t${hostile}`);
    assert.match(files.get(`${folder}/events.ts`)!, /channel: "a\.\\"b\\"\*\/ process/);
    assert.deepEqual(Object.keys(odd.createConsumer({ transport: broker.transport })).sort(), ["close", "close2"]);
  });
});
