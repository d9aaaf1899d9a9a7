/**
 * bench/events/outbox: order-paid events into NATS JetStream on 127.0.0.1 three ways, each timed
 * from the first publish to the last event received by the same bare `nats` consumer:
 * - outbox: a Postgres transaction per event (the generated producer's `publishOrderPaid(data, { tx })`
 *   writing the outbox row, committed), and the outbox relay sending the rows (`--relays` of them);
 * - direct: the generated producer publishing to NATS (validation, CloudEvents, Nats-Msg-Id);
 * - bare: `nats` JetStream publish of the same JSON payloads.
 * Each run gets a fresh nats-server and an empty outbox; one Postgres (initdb'd for the bench,
 * durability off as in the tests) serves all runs. Usage: npm run bench:outbox [-- --events N --runs R --relays K]
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AckPolicy, DeliverPolicy, StorageType, connect, nanos, type NatsConnection } from "nats";
import pg from "pg";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../../test/helpers/cli.js";
import { startNatsServer } from "../../test/helpers/nats-server.js";
import { startPostgres } from "../../test/helpers/postgres.js";
import { compileSdk } from "../../test/helpers/sdk.js";

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EVENTS = flag("--events", 10_000);
const RUNS = flag("--runs", 3);
const RELAYS = flag("--relays", 2);
/** Publishes (or transactions) in flight at once: as many as the pool has connections for the outbox. */
const IN_FLIGHT = 128;
const TRANSACTIONS = 16;
const SUBJECT = "order.paid.v1";

const payload = (i: number) => ({ orderId: `o-${i % 100}`, userId: `u-${i % 100}`, amount: 100 + i, currency: "EUR", paymentMethod: "card", paidAt: "2026-11-22T10:00:00Z" });

/** Calls publish for 0..EVENTS-1 with at most `lanes` unresolved. */
async function publishAll(lanes: number, publish: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < EVENTS) await publish(next++);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** A bare pull consumer on the subject's stream (created here, as the transport would), resolving once EVENTS messages came. */
async function receiver(nc: NatsConnection): Promise<{ all: Promise<void>; close: () => Promise<void> }> {
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: "ORDER_PAID_V1", subjects: [SUBJECT], storage: StorageType.File });
  await jsm.consumers.add("ORDER_PAID_V1", { durable_name: "bench", ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000), max_deliver: -1, filter_subject: SUBJECT, deliver_policy: DeliverPolicy.All });
  const messages = await (await nc.jetstream().consumers.get("ORDER_PAID_V1", "bench")).consume({ max_messages: 100 });
  let received = 0;
  let done = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const consuming = (async () => {
    for await (const msg of messages) {
      msg.ack();
      if (++received === EVENTS) done();
    }
  })();
  return {
    all,
    close: async () => {
      await messages.close();
      await consuming;
    },
  };
}

const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-bench-outbox-");
if (compiled.output) throw new Error(`the generated SDK does not compile:\n${compiled.output}`);
const load = (path: string) => import(pathToFileURL(join(compiled.dir, "urn-shop-orders-events", path)).href);
const orders = await load("index.ts");
const { natsTransport } = await load("transports/nats.ts");
const { ensureSchema, startRelay } = await load("postgres.ts");

const postgres = await startPostgres();
const pool = new pg.Pool({ connectionString: postgres.createDatabase("bench"), max: TRANSACTIONS + 2 * RELAYS });
await ensureSchema(pool);

type Way = "outbox" | "direct" | "bare";
/** Each way publishes every event and resolves to how to close what it opened (after the events arrived). */
const ways: Record<Way, (url: string, nc: NatsConnection) => Promise<() => Promise<void>>> = {
  async outbox(url) {
    await pool.query("TRUNCATE charter_outbox, charter_outbox_keys");
    const transport = await natsTransport({ servers: url });
    const producer = orders.createProducer({ transport });
    const relays = Array.from({ length: RELAYS }, () => startRelay(pool, { transport, idleMs: 10 }));
    await publishAll(TRANSACTIONS, async (i) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await producer.publishOrderPaid(payload(i), { tx: client });
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    return async () => {
      await Promise.all(relays.map((relay: { stop(): Promise<void> }) => relay.stop()));
      await transport.close();
    };
  },
  async direct(url) {
    const transport = await natsTransport({ servers: url });
    const producer = orders.createProducer({ transport });
    await publishAll(IN_FLIGHT, (i) => producer.publishOrderPaid(payload(i)));
    return () => transport.close();
  },
  async bare(_url, nc) {
    const js = nc.jetstream();
    const encoder = new TextEncoder();
    await publishAll(IN_FLIGHT, (i) => js.publish(SUBJECT, encoder.encode(JSON.stringify(payload(i)))));
    return async () => undefined;
  },
};

const results: Record<Way, { publishMs: number; totalMs: number }[]> = { outbox: [], direct: [], bare: [] };
const rotations: Way[][] = [["outbox", "direct", "bare"], ["bare", "outbox", "direct"], ["direct", "bare", "outbox"]];
// One warm-up of each, then rotate which goes first so none always meets a warmer machine.
for (let run = -1; run < RUNS; run += 1) {
  for (const way of rotations[(run + 3) % 3]) {
    const server = await startNatsServer();
    const producerConnection = await connect({ servers: server.url });
    const consumerConnection = await connect({ servers: server.url });
    try {
      const { all, close } = await receiver(consumerConnection);
      const start = performance.now();
      const cleanUp = await ways[way](server.url, producerConnection);
      const publishMs = performance.now() - start;
      await all;
      if (run >= 0) results[way].push({ publishMs, totalMs: performance.now() - start });
      await cleanUp();
      await close();
    } finally {
      await producerConnection.drain();
      await consumerConnection.drain();
      await server.stop();
    }
  }
}
await pool.end();
await postgres.stop();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString("en");
console.log(`${EVENTS.toLocaleString("en")} order-paid events into NATS JetStream, first publish to last received (127.0.0.1, ${RUNS} runs, medians; outbox: ${TRANSACTIONS} transactions at once, ${RELAYS} relays):`);
for (const way of ["outbox", "direct", "bare"] as const) {
  const total = median(results[way].map((t) => t.totalMs));
  const publish = median(results[way].map((t) => t.publishMs));
  // For the outbox, publishing is the transactions writing the rows; the relays send meanwhile and after.
  console.log(`  ${way.padEnd(6)} ${total.toFixed(0).padStart(6)} ms  ${rate(total).padStart(7)} events/s   (publishing ${publish.toFixed(0)} ms, ${rate(publish)} events/s)`);
}
const ratio = (a: Way, b: Way) => (median(results[a].map((t) => t.totalMs)) / median(results[b].map((t) => t.totalMs))).toFixed(2);
console.log(`  outbox / direct time: ${ratio("outbox", "direct")}x; direct / bare: ${ratio("direct", "bare")}x`);
