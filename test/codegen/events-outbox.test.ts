import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { CloudEvent } from "cloudevents";
import pg from "pg";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, type NatsServer } from "../helpers/nats-server.js";
import { postgresSkip, startPostgres, type PostgresServer } from "../helpers/postgres.js";
import { compileSdk } from "../helpers/sdk.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Orders the writes pay: each one's events must be handled in the order they were published. */
const KEYS = 100;

/**
 * Polls until `condition` holds, without reading the clock: the suite's and each test's `timeout`
 * turn a wait that never ends into a failure, and a slow machine cannot fail a test that would pass.
 */
async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(50);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A script of test/codegen/events/ in a process of its own, its output collected. */
class Service {
  child: ChildProcess | undefined;
  stdout = "";
  stderr = "";
  constructor(private readonly script: string, private readonly args: () => string[]) {}

  start(): void {
    this.child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "codegen", "events", this.script), ...this.args()], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
  }

  /** SIGKILL, mid-work: no chance to finish a transaction, a send or an ack. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}

describe("a Postgres outbox and inbox around the generated producer and consumer", { skip: postgresSkip(), timeout: 300_000 }, () => {
  let sdkDir: string;
  let postgres: PostgresServer;

  before(async () => {
    const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-events-outbox-");
    assert.equal(compiled.output, "", compiled.output);
    sdkDir = compiled.dir;
    postgres = await startPostgres();
  });
  after(async () => {
    await postgres?.stop();
  });

  /**
   * Writes `writes` payments through the outbox while the producer and the consumer are each
   * SIGKILLed twice, then checks both databases: one outbox row per committed payment and none
   * for a rolled-back one, all sent; one effect per committed payment; each order's effects in
   * the order its events were published (their outbox sequence).
   */
  async function endToEnd(name: string, protocol: "nats" | "http", target: () => string, consumerTarget: () => string, writes: number) {
    const producerDb = postgres.createDatabase(`${name}_orders`);
    const consumerDb = postgres.createDatabase(`${name}_billing`);
    const orders = new pg.Pool({ connectionString: producerDb, max: 2 });
    const billing = new pg.Pool({ connectionString: consumerDb, max: 2 });
    const producer = new Service("outbox-producer.ts", () => [sdkDir, producerDb, protocol, target(), String(writes), String(KEYS)]);
    const consumer = new Service("inbox-consumer.ts", () => [sdkDir, consumerDb, protocol, consumerTarget()]);
    const count = async (pool: pg.Pool, table: string) => {
      try {
        return Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      } catch {
        return 0; // Not created yet.
      }
    };
    try {
      consumer.start();
      producer.start();
      // Each process is killed at fractions of its own work, once it has got that far, so every kill lands mid-stream.
      const killAt = async (service: Service, pool: pg.Pool, table: string, fractions: number[]) => {
        for (const fraction of fractions) {
          await waitFor(async () => (await count(pool, table)) >= writes * fraction);
          await service.kill();
          service.start();
        }
      };
      await Promise.all([killAt(producer, orders, "payments", [0.3, 0.7]), killAt(consumer, billing, "effects", [0.2, 0.55])]);
      await waitFor(() => producer.stdout.includes("writes done"));
      const payments = async () => count(orders, "payments");
      const unsent = async () => Number((await orders.query("SELECT count(*) AS n FROM charter_outbox WHERE state <> 'sent'")).rows[0].n);
      await waitFor(async () => (await unsent()) === 0 && (await count(billing, "effects")) >= (await payments()));

      const committed = (await orders.query("SELECT p.n, p.order_id, o.state, o.sequence FROM payments p JOIN charter_outbox o ON o.event->>'id' = p.event_id ORDER BY o.sequence")).rows;
      const outboxRows = await count(orders, "charter_outbox");
      const paymentRows = await payments();
      // Some writes were rolled back on purpose, some by the kills; each committed one has its event, no other write has one.
      assert.ok(paymentRows < writes && paymentRows > writes * 0.9, `${paymentRows} payments committed of ${writes}`);
      assert.equal(committed.length, paymentRows, "every committed payment has its outbox row");
      assert.equal(outboxRows, paymentRows, "no outbox row for a rolled-back write");
      assert.ok(committed.every((row) => row.state === "sent"), "every event was sent");

      const effects = (await billing.query("SELECT order_id, amount FROM effects ORDER BY seq")).rows as { order_id: string; amount: number }[];
      assert.equal(effects.length, paymentRows, "one effect per committed payment");
      assert.deepEqual(new Set(effects.map((e) => e.amount)), new Set(committed.map((row) => row.n)), "the effects are the committed payments'");
      const byOrder = (rows: { order_id: string; amount: number }[]) => {
        const lists = new Map<string, number[]>();
        for (const row of rows) lists.set(row.order_id, [...(lists.get(row.order_id) ?? []), row.amount]);
        return lists;
      };
      // Per order, the payments in publish order (their sequence) are the effects in handling order.
      assert.deepEqual(byOrder(effects), byOrder(committed.map((row) => ({ order_id: row.order_id, amount: row.n }))));
      // The inbox kept every order's sequence: the events were handled in order because it checked, not by luck.
      const tracked = (await billing.query("SELECT count(*) AS keys, sum(last_sequence) AS handled FROM charter_inbox_keys")).rows[0];
      assert.deepEqual([Number(tracked.keys), Number(tracked.handled)], [new Set(committed.map((row) => row.order_id)).size, paymentRows]);
      return { parked: consumer.stdout.split("\n").filter((line) => line.startsWith("parked ")).length, payments: paymentRows };
    } catch (error) {
      throw new Error(`${(error as Error).message}\nproducer stderr:\n${producer.stderr.slice(-3000)}\nconsumer stderr:\n${consumer.stderr.slice(-3000)}`);
    } finally {
      await producer.kill();
      await consumer.kill();
      await Promise.all([orders.end(), billing.end()]);
    }
  }

  describe("the relay", () => {
    // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
    let orders: any;
    let outbox: any;
    let pool: pg.Pool;
    before(async () => {
      const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-orders-events", path)).href);
      orders = await load("index.ts");
      outbox = await load("postgres.ts");
      pool = new pg.Pool({ connectionString: postgres.createDatabase("relay"), max: 12 });
      await outbox.ensureSchema(pool);
      // Again, as another instance starting up would: nothing changes, nothing fails.
      await Promise.all([outbox.ensureSchema(pool), outbox.ensureSchema(pool)]);
    });
    after(async () => {
      await pool?.end();
    });

    /** Writes one order-paid event per amount through the outbox, each in a transaction of its own, `parallel` at a time. */
    async function writeEvents(orderIds: string[], parallel = 8): Promise<void> {
      const producer = orders.createProducer({ transport: { send: () => Promise.reject(new Error("sent directly")), subscribe: () => Promise.reject(new Error("unused")), close: async () => undefined } });
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < orderIds.length) {
            const amount = next++;
            const client = await pool.connect();
            try {
              await client.query("BEGIN");
              await producer.publishOrderPaid({ orderId: orderIds[amount], userId: "u-1", amount, currency: "EUR", paymentMethod: "card" }, { tx: client });
              await client.query("COMMIT");
            } finally {
              client.release();
            }
          }
        }),
      );
    }

    it("shares the outbox among four relays: each event sent once, each key's events in sequence", async () => {
      await pool.query("TRUNCATE charter_outbox, charter_outbox_keys");
      await writeEvents(Array.from({ length: 2_000 }, (_, i) => `o-${i % 20}`));
      const sent: { id: string; key: string; sequence: number }[] = [];
      const transport = {
        async send({ event }: { event: { id: string; partitionkey: string; sequence: string } }) {
          // A broker that takes a while, so the relays overlap.
          await sleep(Math.random() * 2);
          sent.push({ id: event.id, key: event.partitionkey, sequence: Number(event.sequence) });
        },
        subscribe: () => Promise.reject(new Error("unused")),
        close: async () => undefined,
      };
      const relays = Array.from({ length: 4 }, () => outbox.startRelay(pool, { transport, batchSize: 50, idleMs: 5 }));
      try {
        await waitFor(async () => Number((await pool.query("SELECT count(*) AS n FROM charter_outbox WHERE state <> 'sent'")).rows[0].n) === 0);
      } finally {
        await Promise.all(relays.map((relay: { stop(): Promise<void> }) => relay.stop()));
      }
      assert.equal(sent.length, 2_000);
      assert.equal(new Set(sent.map((s) => s.id)).size, 2_000, "no event sent twice");
      const byKey = new Map<string, number[]>();
      for (const { key, sequence } of sent) byKey.set(key, [...(byKey.get(key) ?? []), sequence]);
      assert.equal(byKey.size, 20);
      for (const [key, sequences] of byKey) assert.deepEqual(sequences, Array.from({ length: 100 }, (_, i) => i + 1), `order o-${key}`);
    });

    it("retries a failing send with backoff, dead-letters it after max attempts, and holds its key's later events back", async () => {
      await pool.query("TRUNCATE charter_outbox, charter_outbox_keys");
      await writeEvents(["o-bad", "o-good", "o-bad", "o-good", "o-bad", "o-good"], 1);
      const sent: string[] = [];
      const reports: { kind: string }[] = [];
      const transport = {
        async send({ event }: { event: { partitionkey: string; sequence: string } }) {
          if (event.partitionkey === "o-bad") throw new Error("broker refused o-bad");
          sent.push(`${event.partitionkey} ${Number(event.sequence)}`);
        },
        subscribe: () => Promise.reject(new Error("unused")),
        close: async () => undefined,
      };
      const options = { transport, maxAttempts: 3, retry: { initialMs: 5, maxMs: 10 }, onEvent: (report: { kind: string }) => reports.push(report) };
      await waitFor(async () => {
        await outbox.relayOnce(pool, options);
        return reports.some((r) => r.kind === "dead-lettered");
      });
      // Nothing is due any more: the dead row holds o-bad back.
      await sleep(50);
      assert.equal(await outbox.relayOnce(pool, options), 0);
      assert.deepEqual(sent, ["o-good 1", "o-good 2", "o-good 3"]);
      assert.deepEqual(reports.map((r) => r.kind), ["send-failed", "send-failed", "dead-lettered"]);
      const rows = (await pool.query("SELECT sequence, state, attempts, last_error FROM charter_outbox WHERE event->>'partitionkey' = 'o-bad' ORDER BY sequence")).rows;
      assert.deepEqual(rows.map((r) => [Number(r.sequence), r.state, r.attempts]), [[1, "dead", 3], [2, "pending", 0], [3, "pending", 0]]);
      assert.equal(rows[0].last_error, "broker refused o-bad");
    });

    it("tries an event as often as its send operation's declared x-charter-retry says, whatever the relay's default", async () => {
      // The orders contract with a retry policy on its send operation: 2 attempts, 5 ms apart at most.
      const registry = mkdtempSync(join(tmpdir(), "charter-outbox-retry-"));
      const contract = readFileSync(join(ROOT, "contracts", "orders", "order-events.asyncapi.yaml"), "utf8");
      const declared = contract.replace("    action: send\n", "    action: send\n    x-charter-retry: { attempts: 2, backoff: { initial-ms: 1, max-ms: 5 } }\n");
      assert.notEqual(declared, contract);
      writeFileSync(join(registry, "order-events.asyncapi.yaml"), declared);
      const compiled = compileSdk(await generateSdks(readInput(registry, registry)), "charter-events-outbox-retry-");
      assert.equal(compiled.output, "", compiled.output);
      const retried = await import(pathToFileURL(join(compiled.dir, "urn-shop-orders-events", "index.ts")).href);
      await pool.query("TRUNCATE charter_outbox, charter_outbox_keys");
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await retried.createProducer({ transport: { send: () => Promise.reject(new Error("sent directly")), subscribe: () => Promise.reject(new Error("unused")), close: async () => undefined } })
          .publishOrderPaid({ orderId: "o-1", userId: "u-1", amount: 1, currency: "EUR", paymentMethod: "card" }, { tx: client });
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      const reports: { kind: string }[] = [];
      const transport = { send: () => Promise.reject(new Error("broker down")), subscribe: () => Promise.reject(new Error("unused")), close: async () => undefined };
      const options = { transport, maxAttempts: 10, onEvent: (report: { kind: string }) => reports.push(report) };
      await waitFor(async () => {
        await outbox.relayOnce(pool, options);
        return reports.some((r) => r.kind === "dead-lettered");
      });
      assert.deepEqual(reports.map((r) => r.kind), ["send-failed", "dead-lettered"]);
      const rows = (await pool.query("SELECT state, attempts, retry FROM charter_outbox")).rows;
      assert.deepEqual(rows, [{ state: "dead", attempts: 2, retry: { attempts: 2, initialMs: 1, maxMs: 5 } }]);
    });
  });

  it("the inbox handles each key's events in sequence whatever order they come in, each once, and rolls a failed handler's writes back", async () => {
    const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-billing-events", path)).href);
    const billing = await load("index.ts");
    const { ensureSchema, postgresInbox } = await load("postgres.ts");
    const pool = new pg.Pool({ connectionString: postgres.createDatabase("inbox"), max: 4 });
    try {
      await ensureSchema(pool);
      await pool.query("CREATE TABLE effects (seq bigserial PRIMARY KEY, order_id text NOT NULL, amount integer NOT NULL)");
      // A transport that delivers what the test hands it, when it does.
      let deliver: (delivery: unknown) => Promise<void> = async () => undefined;
      const transport = {
        send: () => Promise.reject(new Error("unused")),
        subscribe: async (_spec: unknown, handler: typeof deliver) => {
          deliver = handler;
          return { stop: async () => undefined };
        },
        close: async () => undefined,
      };
      const parked: number[] = [];
      const inbox = postgresInbox(pool, { onEvent: (report: { kind: string; sequence: number }) => report.kind === "parked" && parked.push(report.sequence) });
      const consumer = billing.createConsumer({ transport, store: inbox.store, retry: { initialMs: 1, maxMs: 2 } });
      await consumer.onOrderPaid(
        inbox.handle(async (data: { orderId: string; amount: number }, { tx, attempt }: { tx: pg.PoolClient; attempt: number }) => {
          await tx.query("INSERT INTO effects (order_id, amount) VALUES ($1, $2)", [data.orderId, data.amount]);
          // Written, then failed: the write must not survive.
          if (data.amount === 2 && attempt === 1) throw new Error("ledger busy");
        }),
      );
      const acked: string[] = [];
      const send = (orderId: string, sequence: number) => {
        const id = `${orderId}-${sequence}`;
        const data = { orderId, userId: "u-1", amount: sequence, currency: "EUR", paymentMethod: "card" };
        const event = new CloudEvent({ id, source: "/shop/orders", type: "com.shop.order.paid.v1", datacontenttype: "application/json", partitionkey: orderId, sequence: String(sequence).padStart(19, "0"), data }, false);
        return deliver({
          channel: "order.paid.v1",
          decode: () => event,
          raw: () => ({ headers: { "ce-id": id }, body: "" }),
          deliveryCount: 1,
          ack: async () => void acked.push(id),
          retryLater: async () => assert.fail(`${id} was not to be retried`),
        });
      };
      // Order o-1 arrives 3, 1, 2, 2 again, 1 again; o-2 arrives 2 first and 1 much later, and o-3 in order meanwhile.
      for (const [orderId, sequence] of [["o-1", 3], ["o-2", 2], ["o-1", 1], ["o-3", 1], ["o-1", 2], ["o-1", 2], ["o-3", 2], ["o-1", 1], ["o-2", 1]] as const) await send(orderId, sequence);
      const effects = (await pool.query("SELECT order_id, amount FROM effects ORDER BY seq")).rows.map((row) => `${row.order_id} ${row.amount}`);
      assert.deepEqual(effects.filter((e) => e.startsWith("o-1")), ["o-1 1", "o-1 2", "o-1 3"]);
      assert.deepEqual(effects.filter((e) => e.startsWith("o-2")), ["o-2 1", "o-2 2"]);
      assert.deepEqual(effects.filter((e) => e.startsWith("o-3")), ["o-3 1", "o-3 2"]);
      assert.deepEqual(parked, [3, 2]);
      // Every delivery is acked, the early ones once parked, the duplicates once skipped.
      assert.equal(acked.length, 9);
      assert.equal(Number((await pool.query("SELECT count(*) AS n FROM charter_inbox_parked")).rows[0].n), 0);
      assert.equal(Number((await pool.query("SELECT count(*) AS n FROM charter_inbox")).rows[0].n), 7);
    } finally {
      await pool.end();
    }
  });

  describe("over NATS JetStream", { skip: natsServerSkip() }, () => {
    let nats: NatsServer;
    before(async () => {
      nats = await startNatsServer();
    });
    after(async () => {
      await nats?.stop();
    });

    it("delivers every committed write's event once and in order per key, with the producer and the consumer killed twice each (10,000 writes)", { timeout: 240_000 }, async (t) => {
      const { parked, payments } = await endToEnd("nats", "nats", () => nats.url, () => nats.url, 10_000);
      t.diagnostic(`${payments} payments committed; ${parked} events came ahead of their predecessor and were parked`);
    });
  });

  it("does the same over HTTP (1,000 writes)", { timeout: 120_000 }, async (t) => {
    const port = await freePort();
    const { parked, payments } = await endToEnd("http", "http", () => `http://127.0.0.1:${port}`, () => String(port), 1_000);
    t.diagnostic(`${payments} payments committed; ${parked} events parked`);
  });
});
