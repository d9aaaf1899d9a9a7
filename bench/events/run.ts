/**
 * bench/events: order-paid events over NATS JetStream on 127.0.0.1, end to end (first publish to
 * last event handled), the generated producer and consumer (validation, CloudEvents binary mode,
 * Nats-Msg-Id, dedup in memory, enum fallbacks, acks) against bare `nats` JetStream publish and
 * consume of the same JSON payloads, on the same stream and consumer settings. Each run gets a
 * fresh nats-server; producer and consumer each have their own connection; publishes are pipelined
 * the same way for both. Usage: npm run bench:events [-- --events N --runs R]
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AckPolicy, DeliverPolicy, StorageType, connect, nanos } from "nats";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../../test/helpers/cli.js";
import { startNatsServer } from "../../test/helpers/nats-server.js";
import { compileSdk } from "../../test/helpers/sdk.js";

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EVENTS = flag("--events", 10_000);
const RUNS = flag("--runs", 5);
/** Publishes awaiting their JetStream ack at once. */
const IN_FLIGHT = 128;
const SUBJECT = "order.paid.v1";

const payload = (i: number) => ({ orderId: `o-${i}`, userId: `u-${i % 100}`, amount: 100 + i, currency: "EUR", paymentMethod: "card", paidAt: "2026-11-22T10:00:00Z" });

/** Calls publish for 0..EVENTS-1 with at most IN_FLIGHT unresolved. */
async function publishAll(publish: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < EVENTS) await publish(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

/** A promise resolved by the EVENTS-th call of `count`. */
function counter() {
  let handled = 0;
  let done = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  return { all, count: () => ++handled === EVENTS && done() };
}

interface Timing {
  publishMs: number;
  totalMs: number;
}

const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-bench-events-");
if (compiled.output) throw new Error(`the generated SDK does not compile:\n${compiled.output}`);
const load = (path: string) => import(pathToFileURL(join(compiled.dir, path)).href);
const orders = await load("urn-shop-orders-events/index.ts");
const billing = await load("urn-shop-billing-events/index.ts");
const { natsTransport } = await load("urn-shop-billing-events/transports/nats.ts");

async function generated(url: string): Promise<Timing> {
  const producerTransport = await natsTransport({ servers: url });
  const consumerTransport = await natsTransport({ servers: url });
  const producer = orders.createProducer({ transport: producerTransport });
  const consumer = billing.createConsumer({ transport: consumerTransport, store: new billing.MemoryIdempotencyStore() });
  const { all, count } = counter();
  const subscription = await consumer.onOrderPaid((data: { orderId: string; amount: number }) => {
    count();
    return { orderId: data.orderId, amount: data.amount };
  });
  const start = performance.now();
  await publishAll((i) => producer.publishOrderPaid(payload(i)));
  const publishMs = performance.now() - start;
  await all;
  const totalMs = performance.now() - start;
  await subscription.stop();
  await producerTransport.close();
  await consumerTransport.close();
  return { publishMs, totalMs };
}

async function bare(url: string): Promise<Timing> {
  const producerConnection = await connect({ servers: url });
  const consumerConnection = await connect({ servers: url });
  const jsm = await consumerConnection.jetstreamManager();
  // What the transport sets up: a file stream, a durable pull consumer with explicit acks.
  await jsm.streams.add({ name: "ORDER_PAID_V1", subjects: [SUBJECT], storage: StorageType.File });
  await jsm.consumers.add("ORDER_PAID_V1", { durable_name: "bare", ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000), max_deliver: -1, filter_subject: SUBJECT, deliver_policy: DeliverPolicy.All });
  const messages = await (await consumerConnection.jetstream().consumers.get("ORDER_PAID_V1", "bare")).consume({ max_messages: 100 });
  const { all, count } = counter();
  const consuming = (async () => {
    for await (const msg of messages) {
      msg.json();
      msg.ack();
      count();
    }
  })();
  const js = producerConnection.jetstream();
  const encoder = new TextEncoder();
  const start = performance.now();
  await publishAll((i) => js.publish(SUBJECT, encoder.encode(JSON.stringify(payload(i)))));
  const publishMs = performance.now() - start;
  await all;
  const totalMs = performance.now() - start;
  await messages.close();
  await consuming;
  await producerConnection.drain();
  await consumerConnection.drain();
  return { publishMs, totalMs };
}

const results: Record<"generated" | "bare", Timing[]> = { generated: [], bare: [] };
// One warm-up of each, then alternate which goes first so neither always meets a warmer machine.
for (let run = -1; run < RUNS; run += 1) {
  for (const name of run % 2 ? (["generated", "bare"] as const) : (["bare", "generated"] as const)) {
    const server = await startNatsServer();
    try {
      const timing = await (name === "generated" ? generated : bare)(server.url);
      if (run >= 0) results[name].push(timing);
    } finally {
      await server.stop();
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString("en");
console.log(`${EVENTS.toLocaleString("en")} order-paid events over NATS JetStream (nats-server on 127.0.0.1, ${RUNS} runs, medians):`);
for (const name of ["generated", "bare"] as const) {
  const total = median(results[name].map((t) => t.totalMs));
  const publish = median(results[name].map((t) => t.publishMs));
  console.log(`  ${name.padEnd(9)} end to end ${total.toFixed(0).padStart(6)} ms  ${rate(total).padStart(7)} events/s   (publishing ${publish.toFixed(0)} ms, ${rate(publish)} events/s)`);
}
const ratio = median(results.generated.map((t) => t.totalMs)) / median(results.bare.map((t) => t.totalMs));
console.log(`  generated / bare time: ${ratio.toFixed(2)}x (target at most 1.3x)`);
