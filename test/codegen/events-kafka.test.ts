/*
 * The Kafka transport, tested against kafkajs's own interfaces with no broker (none can run here):
 * a stand-in `Kafka` client whose producers record what they send, and whose consumers are driven
 * the way kafkajs's runner drives `eachMessage`, recording commits, seeks, pauses and resumes. So
 * these test the CloudEvents Kafka binding and the delivery rules, not a cluster.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import {
  Kafka,
  logLevel,
  type Consumer,
  type ConsumerConfig,
  type ConsumerRunConfig,
  type IHeaders,
  type KafkaMessage,
  type Message,
  type Producer,
  type ProducerConfig,
  type ProducerRecord,
} from "kafkajs";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT, tempTree } from "../helpers/cli.js";
import { AVRO_REGISTRY } from "../helpers/avro-registry.js";
import { compileSdk } from "../helpers/sdk.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const PAID = { orderId: "o-1", userId: "u-1", amount: 1250, currency: "EUR", paymentMethod: "card", paidAt: "2026-11-22T10:00:00.000Z" };
const CHANNEL = "order.paid.v1";
const DEAD_LETTERS = "billing.order-paid.dlq.v1";

/** What kafkajs hands `eachMessage` for a record a producer sent: key, value and header values as Buffers. */
function asFetched(message: Message, offset: number): KafkaMessage {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = Buffer.from(String(value));
  const bytes = (value: Buffer | string | null | undefined) => (value === null || value === undefined ? null : Buffer.from(value));
  return { key: bytes(message.key), value: bytes(message.value), headers, offset: String(offset), timestamp: message.timestamp ?? String(Date.now()), attributes: 0 };
}

/**
 * A kafkajs `Kafka` stand-in: one partition per topic, kept in memory. Producers append what they
 * send; consumers read it back. `log` says what happened, in order.
 */
class FakeKafka {
  readonly log: string[] = [];
  readonly topics = new Map<string, KafkaMessage[]>();
  /** Committed offsets by `group topic/partition`: where a new consumer of the group starts. */
  readonly committed = new Map<string, string>();
  readonly sent: ProducerRecord[] = [];
  readonly producerConfigs: (ProducerConfig | undefined)[] = [];
  readonly consumers: FakeConsumer[] = [];
  producerConnects = 0;
  producerDisconnects = 0;
  /** Return an error to make that send fail, as an unreachable topic would. */
  failSend: (record: ProducerRecord) => Error | undefined = () => undefined;
  // A real client that never connects: its producers and consumers lend the members the transport does not use.
  private readonly real = new Kafka({ clientId: "binding-test", brokers: ["127.0.0.1:9"], logLevel: logLevel.NOTHING });

  readonly kafka: Kafka = {
    producer: (config) => this.producer(config),
    consumer: (config) => this.consumer(config),
    admin: (config) => this.real.admin(config),
    logger: () => this.real.logger(),
  };

  records(topic: string): KafkaMessage[] {
    if (!this.topics.has(topic)) this.topics.set(topic, []);
    return this.topics.get(topic)!;
  }

  append(topic: string, message: Message): void {
    const records = this.records(topic);
    records.push(asFetched(message, records.length));
  }

  private producer(config?: ProducerConfig): Producer {
    this.producerConfigs.push(config);
    return {
      ...this.real.producer(config),
      connect: async () => void (this.producerConnects += 1),
      disconnect: async () => void (this.producerDisconnects += 1),
      send: async (record) => {
        const error = this.failSend(record);
        this.log.push(`${error ? "send failed" : "send"} ${record.topic}`);
        if (error) throw error;
        this.sent.push(record);
        for (const message of record.messages) this.append(record.topic, message);
        return [{ topicName: record.topic, partition: 0, errorCode: 0 }];
      },
    };
  }

  private consumer(config: ConsumerConfig): Consumer {
    const fake = new FakeConsumer(this, config.groupId, this.real.consumer(config));
    this.consumers.push(fake);
    return fake.consumer;
  }
}

/** A kafkajs `Consumer` whose `eachMessage` the test drives with `drain()`. */
class FakeConsumer {
  topic = "";
  fromBeginning?: boolean;
  runConfig?: ConsumerRunConfig;
  paused = false;
  disconnected = false;
  heartbeats = 0;
  private seekTo?: string;
  private crashed = false;
  /** Return an error to make that commit fail. */
  failCommit: () => Error | undefined = () => undefined;
  readonly consumer: Consumer;

  constructor(
    private readonly broker: FakeKafka,
    readonly groupId: string,
    real: Consumer,
  ) {
    const where = (topic: string, partition?: number) => `${topic}/${partition ?? "*"}`;
    this.consumer = {
      ...real,
      connect: async () => {},
      subscribe: async (subscription) => {
        const topics = "topics" in subscription ? subscription.topics : [subscription.topic];
        assert.equal(topics.length, 1);
        this.topic = String(topics[0]);
        this.fromBeginning = subscription.fromBeginning;
      },
      run: async (config) => void (this.runConfig = config),
      commitOffsets: async (offsets) => {
        const error = this.failCommit();
        for (const { topic, partition, offset } of offsets) {
          broker.log.push(`${error ? "commit failed" : "commit"} ${where(topic, partition)}@${offset}`);
          if (!error) broker.committed.set(`${groupId} ${where(topic, partition)}`, offset);
        }
        if (error) throw error;
      },
      seek: ({ topic, partition, offset }) => {
        broker.log.push(`seek ${where(topic, partition)}@${offset}`);
        this.seekTo = offset;
      },
      pause: (topics) => {
        for (const { topic, partitions } of topics) broker.log.push(`pause ${where(topic, partitions?.[0])}`);
        this.paused = true;
      },
      resume: (topics) => {
        for (const { topic, partitions } of topics) broker.log.push(`resume ${where(topic, partitions?.[0])}`);
        this.paused = false;
      },
      disconnect: async () => {
        broker.log.push("consumer disconnect");
        this.disconnected = true;
      },
    };
  }

  /**
   * Hands the topic's records to `eachMessage` as kafkajs's runner does: from the group's committed
   * offset, one at a time; next the following record, or the one the handler sought; nothing while
   * the partition is paused. Returns once past the last record (or on `crash()`).
   */
  async drain(): Promise<void> {
    const records = this.broker.records(this.topic);
    let position = Number(this.broker.committed.get(`${this.groupId} ${this.topic}/0`) ?? "0");
    while (position < records.length && !this.crashed) {
      while (this.paused && !this.crashed) await sleep(2);
      if (this.crashed) return;
      await this.runConfig!.eachMessage!({
        topic: this.topic,
        partition: 0,
        message: records[position],
        heartbeat: async () => void (this.heartbeats += 1),
        pause: () => {
          this.consumer.pause([{ topic: this.topic, partitions: [0] }]);
          return () => this.consumer.resume([{ topic: this.topic, partitions: [0] }]);
        },
      });
      position = this.seekTo === undefined ? position + 1 : Number(this.seekTo);
      this.seekTo = undefined;
    }
  }

  /** The process dies: nothing more is handed over, nothing is committed on the way out. */
  crash(): void {
    this.crashed = true;
  }
}

/** A gate a handler waits at until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("Kafka binding (no broker): the generated packages over kafkajs", () => {
  // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
  let orders: any;
  let billing: any;
  let ordersKafka: any;
  let billingKafka: any;
  let files: Map<string, string>;

  before(async () => {
    files = await generateSdks(readInput(join(ROOT, "contracts"), ROOT));
    const compiled = compileSdk(files, "charter-events-kafka-");
    assert.equal(compiled.output, "", compiled.output);
    assert.equal(compiled.status, 0);
    const load = (path: string) => import(pathToFileURL(join(compiled.dir, path)).href);
    orders = await load("urn-shop-orders-events/index.ts");
    billing = await load("urn-shop-billing-events/index.ts");
    ordersKafka = await load("urn-shop-orders-events/transports/kafka.ts");
    billingKafka = await load("urn-shop-billing-events/transports/kafka.ts");
  });

  /** The billing consumer over its own Kafka transport, and the orders producer over another. */
  const setup = async (settings: Record<string, unknown> = {}, handler: (data: any, context: any) => unknown = () => "booked") => {
    const fake = new FakeKafka();
    const producer = orders.createProducer({ transport: ordersKafka.kafkaTransport({ kafka: fake.kafka }) });
    const consumerTransport = billingKafka.kafkaTransport({ kafka: fake.kafka });
    const store = new billing.MemoryIdempotencyStore();
    const reports: any[] = [];
    const subscription = await billing.createConsumer({ transport: consumerTransport, store, onEvent: (r: any) => reports.push(r), ...settings }).onOrderPaid(handler);
    return { fake, producer, consumerTransport, store, reports, subscription, consumer: fake.consumers[0] };
  };

  it("binary mode: ce_ headers, content-type, the business key as record key, the data as JSON; one idempotent producer", async () => {
    const fake = new FakeKafka();
    const transport = ordersKafka.kafkaTransport({ kafka: fake.kafka });
    const producer = orders.createProducer({ transport });
    const event = await producer.publishOrderPaid(PAID, { subject: "orders/o-1" });
    await producer.publishOrderPaid({ ...PAID, orderId: "o-2" });

    assert.equal(fake.producerConfigs.length, 1);
    assert.equal(fake.producerConfigs[0]?.idempotent, true);
    assert.equal(fake.producerConfigs[0]?.maxInFlightRequests, 1);
    assert.equal(fake.producerConnects, 1, "connected on first send, then reused");
    assert.deepEqual(
      fake.sent.map((r) => [r.topic, r.acks, r.messages.length]),
      [
        [CHANNEL, -1, 1],
        [CHANNEL, -1, 1],
      ],
    );
    const [record] = fake.sent[0].messages;
    assert.equal(record.key, "o-1");
    assert.equal(fake.sent[1].messages[0].key, "o-2");
    const headers = record.headers!;
    assert.equal(headers.ce_specversion, "1.0");
    assert.equal(headers.ce_type, "com.shop.order.paid.v1");
    assert.equal(headers.ce_source, "/shop/orders");
    assert.equal(headers.ce_id, event.id);
    assert.equal(headers.ce_subject, "orders/o-1");
    assert.equal(headers.ce_time, event.time);
    assert.equal(headers.ce_dataschema, "https://schemas.shop.example/orders/order-paid.v1.json");
    assert.equal(headers.ce_partitionkey, "o-1");
    assert.equal(headers.ce_traceparent, event.traceparent);
    assert.equal(headers["content-type"], "application/json");
    for (const [name, value] of Object.entries(headers)) assert.equal(typeof value, "string", name);
    assert.deepEqual(JSON.parse(String(record.value)), PAID);
    assert.equal(record.timestamp, String(Date.parse(event.time)));

    await producer.close();
    assert.equal(fake.producerDisconnects, 0, "a transport passed in is the caller's to close");
    await transport.close();
    assert.equal(fake.producerDisconnects, 1);
    await assert.rejects(transport.send({ channel: CHANNEL, event }), /closed/);
  });

  it("structured mode: content-type application/cloudevents+json, the whole event as the value, the same key", async () => {
    const fake = new FakeKafka();
    const transport = ordersKafka.kafkaTransport({ kafka: fake.kafka, mode: "structured" });
    const event = await orders.createProducer({ transport }).publishOrderPaid(PAID);
    const [record] = fake.sent[0].messages;
    assert.equal(record.key, "o-1");
    assert.match(String(record.headers?.["content-type"]), /^application\/cloudevents\+json(;|$)/);
    assert.deepEqual(Object.keys(record.headers!), ["content-type"]);
    const value = JSON.parse(String(record.value));
    assert.equal(value.specversion, "1.0");
    assert.equal(value.id, event.id);
    assert.equal(value.type, "com.shop.order.paid.v1");
    assert.equal(value.source, "/shop/orders");
    assert.equal(value.partitionkey, "o-1");
    assert.deepEqual(value.data, PAID);
  });

  for (const mode of ["binary", "structured"] as const) {
    it(`${mode} mode: a consumed record (header values as Buffers) round-trips into the same CloudEvent`, async () => {
      const fake = new FakeKafka();
      const published = await orders
        .createProducer({ transport: ordersKafka.kafkaTransport({ kafka: fake.kafka, mode }) })
        .publishOrderPaid(PAID, { subject: "orders/o-1", extensions: { tenant: "eu" } });
      const received: any[] = [];
      await billing.createConsumer({ transport: billingKafka.kafkaTransport({ kafka: fake.kafka }) }).onOrderPaid((data: any, context: any) => {
        received.push({ data, event: context.event, deliveryCount: context.deliveryCount });
      });
      const consumer = fake.consumers[0];
      assert.ok(Buffer.isBuffer(fake.records(CHANNEL)[0].headers?.["content-type"]));
      await consumer.drain();
      assert.equal(received.length, 1);
      assert.deepEqual(received[0].data, PAID);
      assert.equal(received[0].deliveryCount, 1);
      const plain = (event: unknown) => JSON.parse(JSON.stringify(event));
      assert.deepEqual(plain(received[0].event), plain(published));
    });
  }

  it("subscribes as the operation's consumer group, from the beginning, committing offsets by hand", async () => {
    const { consumer } = await setup();
    assert.equal(consumer.groupId, "urn_shop_billing_events_onOrderPaid");
    assert.equal(consumer.topic, CHANNEL);
    assert.equal(consumer.fromBeginning, true);
    assert.equal(consumer.runConfig?.autoCommit, false);
    assert.equal(typeof consumer.runConfig?.eachMessage, "function");
  });

  it("commits a record's offset only once the handler's effect is committed (ack)", async () => {
    const held = gate();
    let entered = false;
    const { fake, producer, consumer, store } = await setup({}, async (data: any) => {
      entered = true;
      await held.opened;
      return { booked: data.amount };
    });
    const event = await producer.publishOrderPaid(PAID);
    const draining = consumer.drain();
    while (!entered) await sleep(1);
    await sleep(20);
    assert.deepEqual(fake.log.filter((l) => l.startsWith("commit")), [], "nothing committed while the handler runs");
    held.open();
    await draining;
    assert.deepEqual(fake.log, ["send order.paid.v1", "commit order.paid.v1/0@1"]);
    assert.deepEqual([...store.effects.entries()], [[`onOrderPaid /shop/orders ${event.id}`, { booked: 1250 }]]);
  });

  it("a slow handler keeps its consumer in the group: it heartbeats while the handler runs", async () => {
    const { producer, consumer } = await setup({}, () => sleep(1_200));
    await producer.publishOrderPaid(PAID);
    await consumer.drain();
    assert.ok(consumer.heartbeats >= 1, `${consumer.heartbeats} heartbeats`);
  });

  it("a failing handler is retried, then dead-lettered through the producer to the dead-letter topic, then committed", async () => {
    let calls = 0;
    const { fake, producer, consumer, reports } = await setup({}, () => {
      calls += 1;
      throw new Error("ledger says no");
    });
    const event = await producer.publishOrderPaid(PAID);
    await consumer.drain();
    assert.equal(calls, 3, "the contract declares 3 attempts");
    assert.deepEqual(fake.log, ["send order.paid.v1", `send ${DEAD_LETTERS}`, "commit order.paid.v1/0@1"]);
    const [letter] = fake.records(DEAD_LETTERS);
    assert.equal(letter.key?.toString(), "o-1", "a dead letter keeps the partition key");
    const header = (name: string) => letter.headers?.[name]?.toString();
    assert.equal(header("ce_id"), event.id);
    assert.equal(header("ce_type"), "com.shop.order.paid.v1");
    assert.equal(header("ce_deadletterreason"), "handler failed 3 time(s): ledger says no");
    assert.equal(header("ce_deadletteroperation"), "onOrderPaid");
    assert.deepEqual(JSON.parse(String(letter.value)), PAID);
    assert.deepEqual(
      reports.map((r) => r.kind),
      ["handler-failed", "handler-failed", "handler-failed", "dead-lettered"],
    );
  });

  it("a handler that fails once and then succeeds is committed with no dead letter", async () => {
    let calls = 0;
    const { fake, producer, consumer } = await setup({ retry: { initialMs: 1, maxMs: 1 } }, () => {
      calls += 1;
      if (calls === 1) throw new Error("ledger busy");
      return "booked";
    });
    await producer.publishOrderPaid(PAID);
    await consumer.drain();
    assert.equal(calls, 2);
    assert.deepEqual(fake.log, ["send order.paid.v1", "commit order.paid.v1/0@1"]);
  });

  it("duplicate records (the same source and id) are applied once, and each offset committed", async () => {
    const seen: string[] = [];
    const { fake, producer, consumer, reports } = await setup({}, (data: any) => void seen.push(data.orderId));
    const event = await producer.publishOrderPaid(PAID);
    // A producer retry, or a replay, writes the very same event again.
    await producer.publishOrderPaid(PAID, { id: event.id, time: new Date(event.time) });
    await producer.publishOrderPaid({ ...PAID, orderId: "o-2" });
    await consumer.drain();
    assert.deepEqual(seen, ["o-1", "o-2"]);
    assert.deepEqual(
      fake.log.filter((l) => l.startsWith("commit")),
      ["commit order.paid.v1/0@1", "commit order.paid.v1/0@2", "commit order.paid.v1/0@3"],
    );
    assert.deepEqual(reports.map((r) => r.kind), ["handled", "duplicate", "handled"]);
  });

  it("records that carry no CloudEvent (none, one without source or type, one without id) are dead-lettered with their reason, and committed", async () => {
    const { fake, consumer } = await setup();
    fake.append(CHANNEL, { value: "hello", headers: { "content-type": "text/plain" } });
    // ce_ headers, but no source or type: not a CloudEvent either.
    fake.append(CHANNEL, { key: "o-9", value: JSON.stringify(PAID), headers: { "content-type": "application/json", ce_id: "e-9", ce_specversion: "1.0" } });
    // A structured event without an id, which the SDK would give a made-up one, new on every redelivery.
    const anonymous = { specversion: "1.0", type: "com.shop.order.paid.v1", source: "/shop/orders", time: PAID.paidAt, data: PAID };
    fake.append(CHANNEL, { key: "o-1", value: JSON.stringify(anonymous), headers: { "content-type": "application/cloudevents+json" } });
    await consumer.drain();
    const letters = fake.records(DEAD_LETTERS);
    assert.equal(letters.length, 3);
    const header = (letter: KafkaMessage, name: string) => letter.headers?.[name]?.toString();
    for (const letter of letters) {
      assert.equal(header(letter, "ce_type"), "dev.charter.deadletter.undecodable");
      assert.equal(header(letter, "ce_source"), "/charter/urn:shop:billing:events/onOrderPaid");
      assert.equal(header(letter, "ce_deadletteroperation"), "onOrderPaid");
    }
    assert.match(String(header(letters[0], "ce_deadletterreason")), /^not a CloudEvent: No CloudEvent detected/);
    assert.deepEqual(JSON.parse(String(letters[0].value)), { headers: { "content-type": "text/plain" }, body: "hello" });
    assert.match(String(header(letters[1], "ce_deadletterreason")), /^not a CloudEvent: invalid payload[\s\S]*source/);
    assert.deepEqual(JSON.parse(String(letters[1].value)).headers, { "content-type": "application/json", ce_id: "e-9", ce_specversion: "1.0" });
    assert.equal(header(letters[2], "ce_deadletterreason"), "the event has no id, so it cannot be de-duplicated");
    assert.deepEqual(
      fake.log.filter((l) => l.startsWith("commit")),
      ["commit order.paid.v1/0@1", "commit order.paid.v1/0@2", "commit order.paid.v1/0@3"],
    );
  });

  it("while the dead-letter topic is unreachable, the record is sought back and its partition paused, then delivered again, counted", async () => {
    const counts: number[] = [];
    const { fake, producer, consumer } = await setup({ retry: { initialMs: 1, maxMs: 1 } }, (_data: any, context: any) => {
      counts.push(context.deliveryCount);
      throw new Error("ledger says no");
    });
    await producer.publishOrderPaid(PAID);
    let failures = 0;
    fake.failSend = (record) => (record.topic === DEAD_LETTERS && ++failures <= 2 ? new Error("topic unavailable") : undefined);
    await consumer.drain();
    assert.deepEqual(counts, [1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const redelivery = [`send failed ${DEAD_LETTERS}`, "seek order.paid.v1/0@0", "pause order.paid.v1/0", "resume order.paid.v1/0"];
    assert.deepEqual(fake.log, ["send order.paid.v1", ...redelivery, ...redelivery, `send ${DEAD_LETTERS}`, "commit order.paid.v1/0@1"]);
  });

  it("past max-deliver (counted in process), a redelivered record is dead-lettered without running the handler", async () => {
    let calls = 0;
    const { fake, producer, consumer, reports } = await setup({ retry: { initialMs: 1, maxMs: 1 }, maxDeliver: 1 }, () => {
      calls += 1;
      throw new Error("ledger says no");
    });
    await producer.publishOrderPaid(PAID);
    let failures = 0;
    fake.failSend = (record) => (record.topic === DEAD_LETTERS && ++failures <= 1 ? new Error("topic unavailable") : undefined);
    await consumer.drain();
    assert.equal(calls, 3, "only the first delivery runs the handler");
    assert.equal(reports.at(-1).reason, "delivered 2 times without being handled");
    assert.equal(fake.records(DEAD_LETTERS)[0].headers?.ce_deadletterreason?.toString(), "delivered 2 times without being handled");
    assert.deepEqual(fake.log.slice(-2), [`send ${DEAD_LETTERS}`, "commit order.paid.v1/0@1"]);
  });

  it("a record whose commit failed is delivered again after the ack wait, and not applied twice", async () => {
    let calls = 0;
    const { fake, producer, consumer, reports } = await setup({ ackWaitMs: 15 }, () => void (calls += 1));
    await producer.publishOrderPaid(PAID);
    let commits = 0;
    consumer.failCommit = () => (++commits === 1 ? new Error("coordinator not available") : undefined);
    await consumer.drain();
    assert.equal(calls, 1);
    assert.deepEqual(fake.log, [
      "send order.paid.v1",
      "commit failed order.paid.v1/0@1",
      "seek order.paid.v1/0@0",
      "pause order.paid.v1/0",
      "resume order.paid.v1/0",
      "commit order.paid.v1/0@1",
    ]);
    assert.deepEqual(reports.map((r) => r.kind), ["handled", "duplicate"]);
  });

  it("a crash before the commit redelivers from the last committed offset to the group's next consumer, which applies it once", async () => {
    const seen: string[] = [];
    const handler = (data: any) => void seen.push(data.orderId);
    const first = await setup({ ackWaitMs: 60_000 }, handler);
    await first.producer.publishOrderPaid(PAID);
    await first.producer.publishOrderPaid({ ...PAID, orderId: "o-2" });
    // The second record's effect is committed to the store, then the process dies before its offset is.
    first.consumer.failCommit = () => (first.fake.committed.size ? new Error("killed") : undefined);
    const draining = first.consumer.drain();
    while (!first.consumer.paused) await sleep(1);
    first.consumer.crash();
    await draining;
    assert.deepEqual(seen, ["o-1", "o-2"]);
    assert.equal(first.fake.committed.get("urn_shop_billing_events_onOrderPaid order.paid.v1/0"), "1");

    // A restarted instance: same group, same store, a new consumer.
    const reports: any[] = [];
    await billing
      .createConsumer({ transport: billingKafka.kafkaTransport({ kafka: first.fake.kafka }), store: first.store, onEvent: (r: any) => reports.push(r) })
      .onOrderPaid(handler);
    await first.fake.consumers[1].drain();
    assert.deepEqual(seen, ["o-1", "o-2"], "o-2 was not applied again");
    assert.deepEqual(reports.map((r) => r.kind), ["duplicate"]);
    assert.equal(first.fake.committed.get("urn_shop_billing_events_onOrderPaid order.paid.v1/0"), "2");
    await first.subscription.stop();
  });

  it("stop() lets the record in hand finish and commit, takes nothing new, then disconnects", async () => {
    const held = gate();
    const seen: string[] = [];
    const { fake, producer, consumer, subscription } = await setup({}, async (data: any) => {
      seen.push(data.orderId);
      await held.opened;
    });
    await producer.publishOrderPaid(PAID);
    await producer.publishOrderPaid({ ...PAID, orderId: "o-2" });
    const draining = consumer.drain();
    while (!seen.length) await sleep(1);
    const stopping = subscription.stop();
    await sleep(20);
    assert.equal(consumer.disconnected, false, "the record in hand is not abandoned");
    held.open();
    await Promise.all([stopping, draining]);
    assert.deepEqual(seen, ["o-1"]);
    assert.equal(consumer.disconnected, true);
    assert.deepEqual(fake.log.slice(-2), ["commit order.paid.v1/0@1", "consumer disconnect"]);
  });

  it("close() stops the transport's subscriptions and disconnects its producer; with brokers and a client id it connects nothing until used", async () => {
    const { fake, producer, consumer, consumerTransport } = await setup({}, () => {
      throw new Error("ledger says no");
    });
    await producer.publishOrderPaid(PAID);
    await consumer.drain();
    assert.equal(fake.producerConnects, 2, "the consumer's transport connected its producer for the dead letter");
    await consumerTransport.close();
    assert.equal(consumer.disconnected, true);
    assert.equal(fake.producerDisconnects, 1);

    const own = ordersKafka.kafkaTransport({ brokers: ["127.0.0.1:9"], clientId: "charter-test" });
    await own.close();
  });

  it("every generated package carries the Kafka transport", () => {
    // The shared runtime's entry point, passed on under the package's name.
    for (const pkg of ["urn-shop-orders-events", "urn-shop-billing-events"]) {
      assert.match(files.get(`${pkg}/transports/kafka.ts`) ?? "", /^export \* from "@charter\/runtime\/events\/kafka";$/m);
    }
    assert.match(files.get("charter-runtime/events/kafka.ts") ?? "", /export function kafkaTransport\(options: KafkaTransportOptions\): EventTransport/);
  });
});

describe("Kafka binding (no broker): an Avro payload", () => {
  it("travels as the Avro binary record value and reaches the consumer decoded; bytes it cannot decode are dead-lettered", async () => {
    const registry = tempTree(AVRO_REGISTRY);
    const compiled = compileSdk(await generateSdks(readInput(registry, registry)), "charter-events-kafka-avro-");
    assert.equal(compiled.output, "", compiled.output);
    const load = (path: string) => import(pathToFileURL(join(compiled.dir, path)).href);
    const shipments = await load("urn-shop-shipments/index.ts");
    const { kafkaTransport } = await load("urn-shop-shipments/transports/kafka.ts");
    const fake = new FakeKafka();
    const shipped = { orderId: "o-1", parcels: 2, weightGrams: 1500, carrier: "DHL", note: null, label: Buffer.from([0xff, 0x00, 0xfe]) };
    await shipments.createProducer({ transport: kafkaTransport({ kafka: fake.kafka }) }).publishShipped(shipped, { id: "s-1" });
    const [record] = fake.records("order.shipped.v1");
    assert.equal(String(record.headers!["content-type"]), "application/avro");
    // Bytes that are not UTF-8 (the label) survive: the value is read as bytes, not text.
    const handled: unknown[] = [];
    const reports: any[] = [];
    await shipments.createConsumer({ transport: kafkaTransport({ kafka: fake.kafka }), onEvent: (r: unknown) => reports.push(r) }).onShipped((data: unknown) => void handled.push(data));
    fake.append("order.shipped.v1", { value: Buffer.from([0x02, 0x41]), headers: { ce_id: "bad-1", ce_specversion: "1.0", ce_type: "urn:shop:shipments.OrderShipped", ce_source: "urn:shop:shipments", "content-type": "application/avro" } });
    await fake.consumers[0].drain();
    assert.deepEqual(handled.map((data) => ({ ...(data as object) })), [shipped]);
    const letters = reports.filter((r) => r.kind === "dead-lettered");
    assert.equal(letters.length, 1);
    assert.match(letters[0].reason, /^OrderShipped data cannot be decoded: /);
    assert.equal(fake.records("order.shipped.v1.dlq").length, 1);
  });
});
