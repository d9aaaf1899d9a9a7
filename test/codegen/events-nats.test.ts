import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { CloudEvent, HTTP, type Headers } from "cloudevents";
import { connect, headers as natsHeaders, type NatsConnection } from "nats";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, storedMessages, type NatsServer } from "../helpers/nats-server.js";
import { compileSdk } from "../helpers/sdk.js";

const CHANNEL = "order.paid.v1";
const DEAD_LETTERS = "billing.order-paid.dlq.v1";
const SOURCE = "/shop/orders";
const TYPE = "com.shop.order.paid.v1";
const PAID = { orderId: "o-1", userId: "u-1", amount: 1250, currency: "EUR", paymentMethod: "card" };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `condition` holds, without reading the clock: test/run.sh's per-test timeout turns a
 * wait that never ends into a failure, and a slow machine cannot fail a test that would pass. A
 * test that wants to say more when it times out passes its own signal.
 */
async function waitFor(condition: () => boolean | Promise<boolean>, signal?: AbortSignal): Promise<void> {
  while (!(await condition())) {
    signal?.throwIfAborted();
    await sleep(20);
  }
}

/** An order-paid event built around the producer, as a newer or broken producer would send it. */
const orderPaid = (id: string, data: unknown) => new CloudEvent<unknown>({ id, source: SOURCE, type: TYPE, datacontenttype: "application/json", data }, false);

/** Every message stored for a subject, decoded, with its NATS headers; none when no stream holds it. */
async function stored(nc: NatsConnection, subject: string): Promise<{ event: CloudEvent<unknown>; headers: Record<string, string> }[]> {
  return (await storedMessages(nc, subject)).map(({ headers, data }) => ({
    event: HTTP.toEvent({ headers: headers as Headers, body: new TextDecoder().decode(data) }) as CloudEvent<unknown>,
    headers,
  }));
}

describe("generated CloudEvents producer and consumer over NATS JetStream", { skip: natsServerSkip() }, () => {
  let sdkDir: string;
  // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
  let orders: any;
  let billing: any;
  let natsTransport: (options: Record<string, unknown>) => Promise<any>;

  before(async () => {
    const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-events-nats-");
    assert.equal(compiled.output, "", compiled.output);
    sdkDir = compiled.dir;
    const load = (path: string) => import(pathToFileURL(join(sdkDir, path)).href);
    orders = await load("urn-shop-orders-events/index.ts");
    billing = await load("urn-shop-billing-events/index.ts");
    ({ natsTransport } = await load("urn-shop-billing-events/transports/nats.ts"));
  });

  /** A fresh nats-server, a producer, and a way to make consumers; everything closed afterwards. */
  async function broker(options: { mode?: "binary" | "structured"; concurrency?: number } = {}) {
    const server = await startNatsServer();
    const producerTransport = await natsTransport({ servers: server.url, mode: options.mode });
    const consumerTransport = await natsTransport({ servers: server.url, concurrency: options.concurrency });
    const nc = await connect({ servers: server.url });
    const reports: any[] = [];
    return {
      server,
      nc,
      reports,
      producerTransport,
      producer: orders.createProducer({ transport: producerTransport }),
      consumerTransport,
      consume: (handler: (data: any, context: any) => unknown, settings: Record<string, unknown> = {}) =>
        billing.createConsumer({ transport: consumerTransport, onEvent: (report: unknown) => reports.push(report), ...settings }).onOrderPaid(handler),
      async close() {
        await producerTransport.close();
        await consumerTransport.close();
        await nc.close();
        await server.stop();
      },
    };
  }

  it("encodes binary mode as ce-* headers and structured mode as one JSON document, de-duplicating a re-sent event", async () => {
    for (const mode of ["binary", "structured"] as const) {
      const b = await broker({ mode });
      try {
        const event = await b.producer.publishOrderPaid(PAID, { id: "e-1" });
        // The same event again: JetStream drops it by its Nats-Msg-Id.
        await b.producer.publishOrderPaid(PAID, { id: "e-1" });
        const messages = await stored(b.nc, CHANNEL);
        assert.equal(messages.length, 1);
        const [{ headers, event: received }] = messages;
        assert.equal(headers["nats-msg-id"], `${CHANNEL} ${SOURCE} e-1`);
        if (mode === "binary") {
          assert.equal(headers["ce-id"], "e-1");
          assert.equal(headers["ce-type"], TYPE);
          assert.equal(headers["ce-source"], SOURCE);
          assert.equal(headers["ce-partitionkey"], "o-1");
          assert.equal(headers["ce-traceparent"], event.traceparent);
          assert.equal(headers["content-type"], "application/json");
        } else {
          assert.match(headers["content-type"], /^application\/cloudevents\+json/);
          assert.equal(headers["ce-id"], undefined);
        }
        assert.deepEqual(received.data, PAID);

        // Either mode reaches a (binary) consumer.
        const handled: unknown[] = [];
        const subscription = await b.consume((data) => void handled.push(data));
        await waitFor(() => handled.length === 1);
        assert.deepEqual(handled, [PAID]);
        await subscription.stop();
      } finally {
        await b.close();
      }
    }
  });

  it("sends an event structured when an attribute cannot be a NATS header value", async () => {
    const b = await broker();
    try {
      await b.producer.publishOrderPaid(PAID, { extensions: { note: "two\nlines" } });
      const [{ headers, event }] = await stored(b.nc, CHANNEL);
      assert.match(headers["content-type"], /^application\/cloudevents\+json/);
      assert.equal(event.note, "two\nlines");
    } finally {
      await b.close();
    }
  });

  it("retries a handler that fails twice, then commits its effect once", async () => {
    const b = await broker();
    try {
      const attempts: number[] = [];
      const subscription = await b.consume((data, context) => {
        attempts.push(context.attempt);
        if (context.attempt < 3) throw new Error(`flaky ${context.attempt}`);
        return { booked: data.orderId };
      });
      await b.producer.publishOrderPaid(PAID);
      await waitFor(() => b.reports.some((r) => r.kind === "handled"));
      await subscription.stop();
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.deepEqual(
        b.reports.map((r) => r.kind),
        ["handler-failed", "handler-failed", "handled"],
      );
      assert.deepEqual(await stored(b.nc, DEAD_LETTERS), []);
    } finally {
      await b.close();
    }
  });

  it("dead-letters an event whose handler always fails, after the contract's 3 attempts", async () => {
    const b = await broker();
    try {
      let calls = 0;
      const subscription = await b.consume(() => {
        calls += 1;
        throw new Error("ledger unavailable");
      });
      const event = await b.producer.publishOrderPaid(PAID);
      await waitFor(() => b.reports.some((r) => r.kind === "dead-lettered"));
      await subscription.stop();
      assert.equal(calls, 3);
      const letters = await stored(b.nc, DEAD_LETTERS);
      assert.equal(letters.length, 1);
      assert.equal(letters[0].event.id, event.id);
      assert.equal(letters[0].event.deadletterreason, "handler failed 3 time(s): ledger unavailable");
      assert.equal(letters[0].event.deadletteroperation, "onOrderPaid");
      assert.deepEqual(letters[0].event.data, PAID);
      // Acked once dead-lettered: nothing left for the consumer.
      const jsm = await b.nc.jetstreamManager();
      const [consumer] = await jsm.consumers.list(await jsm.streams.find(CHANNEL)).next();
      assert.equal(consumer.num_pending + consumer.num_ack_pending, 0);
    } finally {
      await b.close();
    }
  });

  it("redelivers an event whose dead letter could not be sent, and dead-letters it then", async () => {
    const b = await broker();
    try {
      let refusals = 1;
      const deadLetterTransport = {
        ...b.consumerTransport,
        send: async (message: unknown) => {
          if (refusals-- > 0) throw new Error("dead-letter channel unreachable");
          return b.consumerTransport.send(message);
        },
      };
      const subscription = await b.consume(() => assert.fail("invalid data reached the handler"), { deadLetterTransport });
      await b.producerTransport.send({ channel: CHANNEL, event: orderPaid("e-bad", { ...PAID, currency: "euro" }) });
      await waitFor(() => b.reports.some((r) => r.kind === "dead-lettered"));
      await subscription.stop();
      assert.deepEqual(
        b.reports.map((r) => r.kind),
        ["dead-letter-failed", "dead-lettered"],
      );
      const letters = await stored(b.nc, DEAD_LETTERS);
      assert.deepEqual(
        letters.map((l) => l.event.id),
        ["e-bad"],
      );
    } finally {
      await b.close();
    }
  });

  it("maps a payment method billing does not know to the contract's fallback, other", async () => {
    const b = await broker();
    try {
      const handled: any[] = [];
      const subscription = await b.consume((data) => void handled.push(data));
      // A newer orders service, with a method this contract does not list yet.
      await b.producerTransport.send({ channel: CHANNEL, event: orderPaid("e-crypto", { ...PAID, paymentMethod: "crypto" }) });
      await waitFor(() => handled.length === 1);
      await subscription.stop();
      assert.equal(handled[0].paymentMethod, "other");
    } finally {
      await b.close();
    }
  });

  it("continues the producer's trace in the handler, and in what the handler publishes", async () => {
    const b = await broker();
    try {
      const trace = "4bf92f3577b34da6a3ce929d0e4736aa";
      const contexts: any[] = [];
      const followUps: any[] = [];
      const subscription = await b.consume(async (data, context) => {
        contexts.push(context);
        // Published with another package's producer while handling: the same trace all the same.
        if (data.orderId === "o-1") followUps.push(await b.producer.publishOrderPaid({ ...data, orderId: "o-2" }));
      });
      const event = await b.producer.publishOrderPaid(PAID, { traceparent: `00-${trace}-00f067aa0ba902b7-01`, tracestate: "shop=1" });
      await waitFor(() => contexts.length === 2);
      await subscription.stop();
      const inTrace = new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`);
      assert.match(event.traceparent, inTrace);
      assert.equal(contexts[0].event.traceparent, event.traceparent);
      assert.equal(contexts[0].event.tracestate, "shop=1");
      assert.match(contexts[0].traceparent, inTrace);
      assert.notEqual(contexts[0].traceparent, event.traceparent, "the handler is a span of its own");
      assert.match(followUps[0].traceparent, inTrace);
      assert.match(contexts[1].traceparent, inTrace);
    } finally {
      await b.close();
    }
  });

  it("dead-letters a message that is not a CloudEvent, as it was received", async () => {
    const b = await broker();
    try {
      const subscription = await b.consume(() => assert.fail("no event to handle"));
      await b.nc.jetstream().publish(CHANNEL, new TextEncoder().encode("not an event"));
      await waitFor(() => b.reports.some((r) => r.kind === "dead-lettered"));
      await subscription.stop();
      const [letter] = await stored(b.nc, DEAD_LETTERS);
      assert.equal(letter.event.type, "dev.charter.deadletter.undecodable");
      assert.match(String(letter.event.deadletterreason), /^not a CloudEvent: /);
      assert.deepEqual(letter.event.data, { headers: {}, body: "not an event" });
    } finally {
      await b.close();
    }
  });

  it("handles deliveries in order; stop() pulls no more and finishes those pulled", async () => {
    const b = await broker();
    try {
      let release = () => {};
      const blocked = new Promise<void>((resolve) => (release = resolve));
      const first: string[] = [];
      const subscription = await b.consume(async (data) => {
        first.push(data.orderId);
        if (first.length === 1) await blocked;
      });
      const publish = async (from: number, to: number) => {
        for (let i = from; i <= to; i += 1) await b.producer.publishOrderPaid({ ...PAID, orderId: `o-${i}` });
      };
      await publish(1, 5);
      const jsm = await b.nc.jetstreamManager();
      const stream = await jsm.streams.find(CHANNEL);
      await waitFor(async () => (await jsm.consumers.list(stream).next())[0].num_ack_pending === 5);
      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await sleep(100);
      assert.equal(stopped, false, "stop() waits for the delivery in hand");
      release();
      await stopping;
      assert.deepEqual(first, ["o-1", "o-2", "o-3", "o-4", "o-5"]);
      assert.equal((await jsm.consumers.list(stream).next())[0].num_ack_pending, 0, "all acked once stop() resolves");
      // What comes after is the next subscriber's, at once and delivered for the first time.
      await publish(6, 8);
      const second: [string, number][] = [];
      const again = await b.consume((data, context) => void second.push([data.orderId, context.deliveryCount]));
      await waitFor(() => second.length === 3);
      await again.stop();
      assert.deepEqual(second, [
        ["o-6", 1],
        ["o-7", 1],
        ["o-8", 1],
      ]);
    } finally {
      await b.close();
    }
  });

  it("handles deliveries concurrently when the transport is asked to", async () => {
    const b = await broker({ concurrency: 4 });
    try {
      let running = 0;
      let most = 0;
      let handled = 0;
      const subscription = await b.consume(async () => {
        most = Math.max(most, (running += 1));
        await sleep(50);
        running -= 1;
        handled += 1;
      });
      await Promise.all(Array.from({ length: 8 }, (_, i) => b.producer.publishOrderPaid({ ...PAID, orderId: `o-${i}` })));
      await waitFor(() => handled === 8);
      await subscription.stop();
      assert.equal(most, 4);
    } finally {
      await b.close();
    }
  });

  it("refuses invalid data in the producer, naming the field, and sends nothing", async () => {
    const b = await broker();
    try {
      await b.producer.publishOrderPaid(PAID);
      await assert.rejects(b.producer.publishOrderPaid({ ...PAID, amount: -1 }), (error: any) => {
        assert.equal(error.name, "EventValidationError");
        assert.deepEqual(
          error.problems.map((p: { field: string }) => p.field),
          ["/amount"],
        );
        assert.match(error.message, /\/amount must be >= 0/);
        return true;
      });
      assert.equal((await stored(b.nc, CHANNEL)).length, 1);
    } finally {
      await b.close();
    }
  });

  describe("10,000 events while the consumer process is killed twice", () => {
    const EVENTS = 10_000;
    let server: NatsServer;
    let consumer: ChildProcess | undefined;
    let consumerLog = "";
    /** Keys the consumers skipped as duplicates, and the key the first one died on before acking. */
    const duplicates: string[] = [];
    let diedOn: string | undefined;

    before(async () => {
      server = await startNatsServer();
    });
    after(async () => {
      consumer?.kill("SIGKILL");
      await server?.stop();
    });

    /** Starts the consumer process; it connects and subscribes on its own time. */
    function startConsumer(store: string, dieAfter?: number): ChildProcess {
      const script = join(ROOT, "test", "codegen", "events", "nats-consumer.ts");
      const child = spawn(process.execPath, ["--import", "tsx", script, sdkDir, server.url, store, ...(dieAfter ? [String(dieAfter)] : [])], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        for (const line of chunk.split("\n")) {
          if (line.startsWith("duplicate ")) duplicates.push(line.slice("duplicate ".length));
          if (line.startsWith("dying ")) diedOn = line.slice("dying ".length);
        }
      });
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (consumerLog += chunk));
      return child;
    }

    const records = (store: string): { key: string; effect: unknown }[] => {
      let text = "";
      try {
        text = readFileSync(store, "utf8");
      } catch {
        // Not created yet.
      }
      // As the store reads itself: a line it is still writing (or a torn one) is no record.
      return text.split("\n").flatMap((line) => {
        try {
          return [JSON.parse(line)];
        } catch {
          return [];
        }
      });
    };

    it("applies every valid event's effect exactly once and dead-letters every invalid one with its reason", { timeout: 80_000 }, async (t) => {
      const store = join(mkdtempSync(join(tmpdir(), "charter-billing-")), "handled.jsonl");
      const transport = await natsTransport({ servers: server.url });
      const producer = orders.createProducer({ transport });
      const nc = await connect({ servers: server.url });
      const js = nc.jetstream();

      /** What each event should come to: an effect, or a dead letter naming a field. */
      const expected = new Map<string, { effect: object } | { field: string }>();
      const invalid = [
        { field: "/amount", data: (i: number) => ({ ...PAID, orderId: `o-${i}`, amount: -i }) },
        { field: "/currency", data: (i: number) => ({ ...PAID, orderId: `o-${i}`, currency: "eur" }) },
        { field: "/userId", data: (i: number) => ({ orderId: `o-${i}`, amount: i, currency: "EUR", paymentMethod: "card" }) },
      ];
      let rawDuplicates = 0;
      const publishOne = async (i: number) => {
        const id = `e-${i}`;
        const data = { ...PAID, orderId: `o-${i}`, amount: i };
        if (i % 100 === 37) {
          // Invalid (one in a hundred): only a broken producer sends it, so around the generated one.
          const kind = invalid[Math.floor(i / 100) % 3];
          expected.set(id, { field: kind.field });
          return transport.send({ channel: CHANNEL, event: orderPaid(id, kind.data(i)) });
        }
        if (i % 100 === 71) {
          expected.set(id, { effect: { orderId: data.orderId, amount: i, paymentMethod: "other" } });
          return transport.send({ channel: CHANNEL, event: orderPaid(id, { ...data, paymentMethod: "crypto" }) });
        }
        expected.set(id, { effect: { orderId: data.orderId, amount: i, paymentMethod: "card" } });
        const event = await producer.publishOrderPaid(data, { id });
        // The same event again through the producer: JetStream drops it by its Nats-Msg-Id.
        if (i % 100 === 13) await producer.publishOrderPaid(data, { id });
        // ... and once more after JetStream's duplicate window, as it were: no Nats-Msg-Id, so it is
        // stored and delivered, and the consumer's store must skip it.
        if (i % 100 === 53) {
          rawDuplicates += 1;
          const { headers, body } = HTTP.structured(event);
          const structured = natsHeaders();
          structured.set("content-type", String(headers["content-type"]));
          await js.publish(CHANNEL, new TextEncoder().encode(String(body)), { headers: structured });
        }
      };
      const validPublished = () => [...expected.values()].filter((e) => "effect" in e).length;
      const handled = () => records(store).length;

      /**
       * Publishes all events, 64 at a time, never more than 1,500 ahead of the consumer: publishing
       * goes on through both kills, and while the consumer is down.
       */
      const publishAll = async () => {
        for (let next = 0; next < EVENTS; next += 64) {
          await waitFor(() => validPublished() - handled() < 1_500);
          await Promise.all(Array.from({ length: Math.min(64, EVENTS - next) }, (_, k) => publishOne(next + k)));
        }
      };
      /** Waits for the consumer to die (by its own hand, or SIGKILL once it has handled so many events), and starts another. */
      const restartAfter = async (exited: Promise<unknown>, killAtCount?: number) => {
        if (killAtCount !== undefined) {
          await waitFor(() => handled() >= killAtCount);
          consumer!.kill("SIGKILL");
        }
        await exited;
        t.diagnostic(`consumer killed having handled ${handled()} events, with ${expected.size} published`);
        assert.ok(handled() < EVENTS - EVENTS / 100, "killed with valid events still to handle");
        consumer = startConsumer(store);
        // Wrapped: an async function would wait for a promise it returned.
        return { exited: once(consumer, "exit") };
      };

      // The first consumer kills itself after committing its 2,500th effect and before acking it;
      // the second is killed from outside, wherever it is.
      consumer = startConsumer(store, 2_500);
      await Promise.all([
        publishAll(),
        (async () => {
          const second = await restartAfter(once(consumer!, "exit"));
          await restartAfter(second.exited, 6_000);
        })(),
      ]);

      const jsm = await nc.jetstreamManager();
      const stream = await jsm.streams.find(CHANNEL);
      const deadLetters = [...expected.values()].filter((e) => "field" in e).length;
      // Every event handled or dead-lettered; if not before the test's timeout, the consumer's log says why.
      await waitFor(
        async () => {
          const [info] = await jsm.consumers.list(stream).next();
          const letters = (await jsm.streams.names(DEAD_LETTERS).next()).length ? (await jsm.streams.info(await jsm.streams.find(DEAD_LETTERS))).state.messages : 0;
          return info?.num_pending === 0 && info.num_ack_pending === 0 && letters === deadLetters && records(store).length === validPublished();
        },
        t.signal,
      ).catch((error) => assert.fail(`${error.message}\nconsumer stderr:\n${consumerLog}`));
      consumer!.kill("SIGKILL");
      await once(consumer!, "exit");

      // Nothing lost on the way in: every distinct event once, plus the duplicates sent without a Nats-Msg-Id.
      assert.equal(expected.size, EVENTS);
      assert.equal((await jsm.streams.info(stream)).state.messages, EVENTS + rawDuplicates);

      // Each valid event's effect exactly once, committed with its key.
      const effects = new Map<string, unknown>();
      for (const { key, effect } of records(store)) {
        assert.ok(!effects.has(key), `${key} handled twice`);
        effects.set(key, effect);
      }
      for (const [id, outcome] of expected) {
        if ("effect" in outcome) assert.deepEqual(effects.get(`onOrderPaid ${SOURCE} ${id}`), outcome.effect, id);
        else assert.ok(!effects.has(`onOrderPaid ${SOURCE} ${id}`), `invalid ${id} handled`);
      }
      assert.equal(effects.size, validPublished());

      // Every invalid event dead-lettered once, with a reason naming its field.
      const letters = await stored(nc, DEAD_LETTERS);
      assert.equal(letters.length, deadLetters);
      for (const { event } of letters) {
        const outcome = expected.get(event.id);
        assert.ok(outcome && "field" in outcome, `${event.id} dead-lettered, but it is valid`);
        assert.ok(String(event.deadletterreason).includes(`${outcome.field} `), `${event.id}: ${event.deadletterreason}`);
      }
      assert.equal(new Set(letters.map((l) => l.event.id)).size, deadLetters);

      // The consumer's own de-duplication was exercised, not only JetStream's: the event whose effect
      // was committed but not acked came back to the next process, which skipped it.
      assert.ok(diedOn, "the first consumer died between commit and ack");
      assert.ok(duplicates.includes(diedOn), `${diedOn} was not redelivered and skipped`);
      assert.ok(duplicates.length > rawDuplicates, `${duplicates.length} duplicates skipped, ${rawDuplicates} sent`);
      t.diagnostic(`${duplicates.length} redelivered or re-sent events skipped as duplicates (${rawDuplicates} re-sent)`);

      await transport.close();
      await nc.close();
    });
  });
});
