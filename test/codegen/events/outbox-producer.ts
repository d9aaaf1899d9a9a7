/*
 * The orders service of events-outbox.test.ts, in a process of its own for the test to SIGKILL:
 * business writes to Postgres (a `payments` row per write), each publishing one order-paid event
 * through the generated producer's outbox in the same transaction, and two outbox relays (as two
 * instances would run) sending the events over NATS or HTTP. Writes run 8 at a time; write n pays
 * order `o-<n mod keys>` with amount n, and every 50th (n mod 50 = 7) is rolled back after
 * publishing. A restarted process resumes after the highest write committed (the ones in flight
 * when it died were rolled back by Postgres).
 * Prints `writes done` once it has made its last write, and relays until killed.
 *
 *   node --import tsx outbox-producer.ts <sdkDir> <pgUrl> <nats|http> <natsUrl|consumerUrl> <writes> <keys>
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const [sdkDir, pgUrl, protocol, target, writes, keys] = process.argv.slice(2);
const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-orders-events", path)).href);
// The generated modules, typed loosely: this script is compiled apart from them.
const orders = await load("index.ts");
const { ensureSchema, startRelay } = await load("postgres.ts");

const pool = new pg.Pool({ connectionString: pgUrl, max: 12 });
await ensureSchema(pool);
await pool.query("CREATE TABLE IF NOT EXISTS payments (n integer PRIMARY KEY, order_id text NOT NULL, event_id text NOT NULL)");

const transport =
  protocol === "nats"
    ? await (await load("transports/nats.ts")).natsTransport({ servers: target })
    : // The relay retries too: a consumer that is down for a while costs rows a few tries, not the event.
      (await load("transports/http.ts")).httpTransport({ url: target, retry: { attempts: 2, initialMs: 50, maxMs: 200 } });
// Two relays, as two instances of the service would run them.
for (let relay = 0; relay < 2; relay += 1) startRelay(pool, { transport, maxAttempts: 50, retry: { initialMs: 100, maxMs: 1_000 } });
const producer = orders.createProducer({ transport });

const last = Number((await pool.query("SELECT coalesce(max(n), 0) AS n FROM payments")).rows[0].n);
let next = last + 1;
const write = async (n: number) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const data = { orderId: `o-${n % Number(keys)}`, userId: `u-${n}`, amount: n, currency: "EUR", paymentMethod: "card" };
    const event = await producer.publishOrderPaid(data, { tx: client });
    await client.query("INSERT INTO payments (n, order_id, event_id) VALUES ($1, $2, $3)", [n, data.orderId, event.id]);
    await client.query(n % 50 === 7 ? "ROLLBACK" : "COMMIT");
  } finally {
    client.release();
  }
};
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next <= Number(writes)) await write(next++);
  }),
);
process.stdout.write("writes done\n");
