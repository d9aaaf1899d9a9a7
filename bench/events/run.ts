/**
 * bench/events: events over NATS JetStream on 127.0.0.1, end to end (first publish to last event
 * handled), the generated producer and consumer (validation, CloudEvents binary mode, Nats-Msg-Id,
 * dedup in memory, enum fallbacks, acks) against bare `nats` JetStream publish and consume of the
 * same payloads, on the same stream and consumer settings. A third peer, bare `nats` sending the
 * headers the generated producer sends (the CloudEvents attributes and Nats-Msg-Id), tells the
 * wire format's share of the difference from the runtime's.
 *
 * The same over HTTP: the generated producer POSTing to the generated consumer's handler on a
 * node:http server, against bare node:http POSTs of the same payloads (with and without the headers).
 *
 * One row per transport and payload kind (`ROWS`: JSON over NATS and HTTP, Avro over NATS, whose
 * bare peers encode and decode with avsc as the generated code does): a NATS row gets a fresh nats-server
 * per run; producer and consumer each have their own connection; publishes are pipelined the same
 * way for all. Runs alternate which peer goes first; figures are medians. CPU time (this process,
 * and nats-server's from /proc) is printed beside wall time: on a shared machine it varies less
 * than wall time does.
 * Usage: npm run bench:events [-- --events N --runs R --row TEXT --peer NAME]; `--row` keeps the rows
 * whose name holds TEXT and `--peer` times one peer alone (for a profile: node --cpu-prof).
 */
import { readFileSync } from "node:fs";
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import avsc from "avsc";
import { AckPolicy, DeliverPolicy, StorageType, connect, headers as natsHeaders, nanos, type MsgHdrs } from "nats";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { AVRO_REGISTRY, SHIPPED_SCHEMA } from "../../test/helpers/avro-registry.js";
import { ROOT, tempTree } from "../../test/helpers/cli.js";
import { startNatsServer, type NatsServer } from "../../test/helpers/nats-server.js";
import { compileSdk } from "../../test/helpers/sdk.js";

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EVENTS = flag("--events", 10_000);
const RUNS = flag("--runs", 5);
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const ROW = option("--row");
const PEER = option("--peer");
/** Publishes awaiting their JetStream ack at once. */
const IN_FLIGHT = 128;
const SUBJECT = "order.paid.v1";

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

/** A peer: sends EVENTS events (over the nats-server at `url`, in a NATS row) and handles them, timing it. */
type Peer = (url: string) => Promise<Timing>;

/** A transport and payload kind: the generated SDK and the bare peers, on the same payloads. */
interface Row {
  name: string;
  nats: boolean;
  peers: Record<"generated" | "bare" | "bare+headers", Peer>;
}

const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-bench-events-");
if (compiled.output) throw new Error(`the generated SDK does not compile:\n${compiled.output}`);
const load = (path: string) => import(pathToFileURL(join(compiled.dir, path)).href);
const orders = await load("urn-shop-orders-events/index.ts");
const billing = await load("urn-shop-billing-events/index.ts");
const { natsTransport } = await load("urn-shop-billing-events/transports/nats.ts");
const { httpTransport } = await load("urn-shop-billing-events/transports/http.ts");
const avroRegistry = tempTree(AVRO_REGISTRY);
const avroCompiled = compileSdk(await generateSdks(readInput(avroRegistry, avroRegistry)), "charter-bench-events-avro-");
if (avroCompiled.output) throw new Error(`the generated Avro SDK does not compile:\n${avroCompiled.output}`);
const shipments = await import(pathToFileURL(join(avroCompiled.dir, "urn-shop-shipments/index.ts")).href);

const orderPaid = (i: number) => ({ orderId: `o-${i}`, userId: `u-${i % 100}`, amount: 100 + i, currency: "EUR", paymentMethod: "card", paidAt: "2026-11-22T10:00:00Z" });

const shipped = (i: number) => ({ orderId: `o-${i}`, parcels: 1 + (i % 3), weightGrams: 1_000 + i, carrier: "UPS", note: null, label: Buffer.from(`label-${i}`) });
const shippedType = avsc.Type.forSchema(SHIPPED_SCHEMA as avsc.Schema);

/** The events one bare NATS peer sends: a subject, its stream, how a payload is encoded and decoded, and the attributes the generated producer sends as headers. */
interface Payload {
  subject: string;
  stream: string;
  make: (i: number) => unknown;
  encode: (data: unknown) => Uint8Array;
  decode: (bytes: Uint8Array) => unknown;
  attributes: Record<string, string>;
}

const jsonPayload: Payload = {
  subject: SUBJECT,
  stream: "ORDER_PAID_V1",
  make: orderPaid,
  encode: (data) => new TextEncoder().encode(JSON.stringify(data)),
  decode: (bytes) => JSON.parse(new TextDecoder().decode(bytes)),
  attributes: { "content-type": "application/json", "ce-type": "com.shop.order.paid.v1", "ce-source": "/shop/orders", "ce-dataschema": "https://schemas.shop.example/orders/order-paid.v1.json" },
};

const avroPayload: Payload = {
  subject: "order.shipped.v1",
  stream: "ORDER_SHIPPED_V1",
  make: shipped,
  encode: (data) => shippedType.toBuffer(data),
  decode: (bytes) => shippedType.fromBuffer(Buffer.from(bytes)),
  attributes: { "content-type": "application/avro", "ce-type": "OrderShipped", "ce-source": "urn:shop:shipments" },
};

/** The generated producer and consumer of one kind of event over NATS, each on its own connection. */
function generatedNats(sdk: { natsTransport: (options: { servers: string }) => Promise<any> }, open: (producerTransport: unknown, consumerTransport: unknown, handle: () => void) => Promise<{ publish: (i: number) => Promise<unknown>; stop: () => Promise<void> }>): Peer {
  return async (url) => {
    const producerTransport = await sdk.natsTransport({ servers: url });
    const consumerTransport = await sdk.natsTransport({ servers: url });
    const { all, count } = counter();
    const { publish, stop } = await open(producerTransport, consumerTransport, count);
    const start = performance.now();
    await publishAll(publish);
    const publishMs = performance.now() - start;
    await all;
    const totalMs = performance.now() - start;
    await stop();
    await producerTransport.close();
    await consumerTransport.close();
    return { publishMs, totalMs };
  };
}

/** The generated producer and consumer of order-paid events (JSON). */
const generatedJson = generatedNats({ natsTransport }, async (producerTransport, consumerTransport, handle) => {
  const producer = orders.createProducer({ transport: producerTransport });
  const consumer = billing.createConsumer({ transport: consumerTransport, store: new billing.MemoryIdempotencyStore() });
  const subscription = await consumer.onOrderPaid((data: { orderId: string; amount: number }) => {
    handle();
    return { orderId: data.orderId, amount: data.amount };
  });
  return { publish: (i) => producer.publishOrderPaid(orderPaid(i)), stop: () => subscription.stop() };
});

/** The generated producer and consumer of order-shipped events (Avro binary). */
const generatedAvro = generatedNats(await import(pathToFileURL(join(avroCompiled.dir, "urn-shop-shipments/transports/nats.ts")).href), async (producerTransport, consumerTransport, handle) => {
  const producer = shipments.createProducer({ transport: producerTransport });
  const consumer = shipments.createConsumer({ transport: consumerTransport, store: new shipments.MemoryIdempotencyStore() });
  const subscription = await consumer.onShipped((data: { orderId: string }) => {
    handle();
    return data.orderId;
  });
  return { publish: (i) => producer.publishShipped(shipped(i)), stop: () => subscription.stop() };
});

/** What the generated producer sends beside the payload, made by hand: the CloudEvents attributes and a Nats-Msg-Id. */
function cloudEventHeaders(payload: Payload, i: number): { headers: MsgHdrs; msgID: string } {
  const headers = natsHeaders();
  const id = crypto.randomUUID();
  for (const [name, value] of Object.entries(payload.attributes)) headers.append(name, value);
  headers.append("ce-id", id);
  headers.append("ce-time", new Date().toISOString());
  headers.append("ce-specversion", "1.0");
  headers.append("ce-partitionkey", `o-${i}`);
  headers.append("ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  return { headers, msgID: `${payload.subject} ${payload.attributes["ce-source"]} ${id}` };
}

/** Bare JetStream publish and consume of one kind of payload, optionally with the generated producer's headers. */
function bareNats(payload: Payload, withHeaders: boolean): Peer {
  return async (url) => {
    const { subject, stream } = payload;
    const producerConnection = await connect({ servers: url });
    const consumerConnection = await connect({ servers: url });
    const jsm = await consumerConnection.jetstreamManager();
    // What the transport sets up: a file stream, a durable pull consumer with explicit acks.
    await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File });
    await jsm.consumers.add(stream, { durable_name: "bare", ack_policy: AckPolicy.Explicit, ack_wait: nanos(30_000), max_deliver: -1, filter_subject: subject, deliver_policy: DeliverPolicy.All });
    const messages = await (await consumerConnection.jetstream().consumers.get(stream, "bare")).consume({ max_messages: 100 });
    const { all, count } = counter();
    const consuming = (async () => {
      for await (const msg of messages) {
        payload.decode(msg.data);
        // Reading the headers is what makes the client parse them.
        if (withHeaders) msg.headers?.get("ce-id");
        msg.ack();
        count();
      }
    })();
    const js = producerConnection.jetstream();
    const start = performance.now();
    await publishAll((i) => js.publish(subject, payload.encode(payload.make(i)), withHeaders ? cloudEventHeaders(payload, i) : undefined));
    const publishMs = performance.now() - start;
    await all;
    const totalMs = performance.now() - start;
    await messages.close();
    await consuming;
    await producerConnection.drain();
    await consumerConnection.drain();
    return { publishMs, totalMs };
  };
}

/** A node:http server on 127.0.0.1 with a free port, and its URL. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The generated producer POSTing order-paid events to the generated consumer's handler. */
async function generatedHttpJson(): Promise<Timing> {
  const consumerTransport = httpTransport();
  const server = await listen(consumerTransport.handler);
  const producerTransport = httpTransport({ url: server.url });
  const producer = orders.createProducer({ transport: producerTransport });
  const consumer = billing.createConsumer({ transport: consumerTransport, store: new billing.MemoryIdempotencyStore() });
  const { all, count } = counter();
  const subscription = await consumer.onOrderPaid((data: { orderId: string; amount: number }) => {
    count();
    return { orderId: data.orderId, amount: data.amount };
  });
  const start = performance.now();
  await publishAll((i) => producer.publishOrderPaid(orderPaid(i)));
  const publishMs = performance.now() - start;
  await all;
  const totalMs = performance.now() - start;
  await subscription.stop();
  await producerTransport.close();
  await consumerTransport.close();
  await server.close();
  return { publishMs, totalMs };
}

/** Bare node:http POSTs of JSON payloads to a handler that parses them, with the transport's connection limit. */
function bareHttpJson(payload: (i: number) => unknown, withHeaders: boolean): Peer {
  return async () => {
    const { all, count } = counter();
    const server = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        res.writeHead(204).end();
        count();
      });
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const post = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const body = Buffer.from(JSON.stringify(payload(i)));
        const headers: Record<string, string> = { "content-type": "application/json", "content-length": String(body.length) };
        if (withHeaders) for (const [name, value] of cloudEventHeaders(jsonPayload, i).headers) headers[name] = value[0];
        const req = request(`${server.url}/${SUBJECT}`, { method: "POST", headers, agent }, (res) => res.resume().on("end", resolve));
        req.on("error", reject);
        req.end(body);
      });
    const start = performance.now();
    await publishAll(post);
    const publishMs = performance.now() - start;
    await all;
    const totalMs = performance.now() - start;
    agent.destroy();
    await server.close();
    return { publishMs, totalMs };
  };
}

// Another payload kind is another row: its generated SDK's peer and the same bare peers on its encoding.
const ROWS: Row[] = [
  { name: "NATS JetStream, JSON", nats: true, peers: { generated: generatedJson, bare: bareNats(jsonPayload, false), "bare+headers": bareNats(jsonPayload, true) } },
  { name: "NATS JetStream, Avro", nats: true, peers: { generated: generatedAvro, bare: bareNats(avroPayload, false), "bare+headers": bareNats(avroPayload, true) } },
  { name: "HTTP, JSON", nats: false, peers: { generated: generatedHttpJson, bare: bareHttpJson(orderPaid, false), "bare+headers": bareHttpJson(orderPaid, true) } },
];
const ALL_PEERS = ["generated", "bare", "bare+headers"] as const;
const PEERS = ALL_PEERS.filter((peer) => PEER === undefined || peer === PEER);

/** nats-server's CPU time so far (user + system), in ms; NaN where /proc is not there. */
function serverCpuMs(server: NatsServer): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Measure extends Timing {
  nodeCpuMs: number;
  serverCpuMs: number;
}

async function measure(peer: Peer, nats: boolean): Promise<Measure> {
  const server = nats ? await startNatsServer() : undefined;
  try {
    const cpu = process.cpuUsage();
    const serverBefore = server ? serverCpuMs(server) : Number.NaN;
    const timing = await peer(server?.url ?? "");
    const used = process.cpuUsage(cpu);
    return { ...timing, nodeCpuMs: (used.user + used.system) / 1000, serverCpuMs: server ? serverCpuMs(server) - serverBefore : Number.NaN };
  } finally {
    await server?.stop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rate = (ms: number) => Math.round(EVENTS / (ms / 1000)).toLocaleString("en");
const perEvent = (ms: number) => (Number.isNaN(ms) ? "n/a" : `${((ms * 1000) / EVENTS).toFixed(0)} µs`);

console.log(`${EVENTS.toLocaleString("en")} events per run on 127.0.0.1, ${RUNS} runs, medians; load average at start ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
for (const row of ROWS.filter((r) => ROW === undefined || r.name.includes(ROW))) {
  const results = Object.fromEntries(PEERS.map((peer) => [peer, [] as Measure[]])) as Record<(typeof PEERS)[number], Measure[]>;
  // One warm-up of each, then rotate which goes first so none always meets a warmer machine.
  for (let run = -1; run < RUNS; run += 1) {
    const shift = ((run % PEERS.length) + PEERS.length) % PEERS.length;
    for (const peer of [...PEERS.slice(shift), ...PEERS.slice(0, shift)]) {
      const result = await measure(row.peers[peer], row.nats);
      if (run >= 0) results[peer].push(result);
    }
  }
  console.log(`${row.name}:`);
  for (const peer of PEERS) {
    const of = (key: keyof Measure) => median(results[peer].map((m) => m[key]));
    console.log(
      `  ${peer.padEnd(12)} end to end ${of("totalMs").toFixed(0).padStart(6)} ms ${rate(of("totalMs")).padStart(7)} events/s   publishing ${of("publishMs").toFixed(0).padStart(6)} ms   CPU per event: node ${perEvent(of("nodeCpuMs")).padStart(7)}${row.nats ? `, nats-server ${perEvent(of("serverCpuMs")).padStart(7)}` : ""}`,
    );
  }
  // The ratio of medians of per-run ratios: each run's peers met the same machine load.
  if (PEERS.length < ALL_PEERS.length) continue;
  const ratio = (a: (typeof PEERS)[number], b: (typeof PEERS)[number], key: keyof Measure) => median(results[a].map((m, i) => m[key] / results[b][i][key]));
  console.log(`  generated / bare time: ${ratio("generated", "bare", "totalMs").toFixed(2)}x${row.nats ? " (target at most 1.3x)" : ""}; node CPU ${ratio("generated", "bare", "nodeCpuMs").toFixed(2)}x`);
  console.log(`  generated / bare+headers time: ${ratio("generated", "bare+headers", "totalMs").toFixed(2)}x; node CPU ${ratio("generated", "bare+headers", "nodeCpuMs").toFixed(2)}x`);
}
console.log(`load average at end ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
