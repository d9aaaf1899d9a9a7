/*
 * The billing service of events-outbox.test.ts, in a process of its own for the test to SIGKILL:
 * the generated consumer with a Postgres inbox, its effect an `effects` row written in the inbox's
 * transaction (so a row per event, exactly once, in handling order by `seq`). Over NATS it handles
 * 8 deliveries at once, so events of one key come out of order and the inbox puts them back in it.
 * Prints `parked <sequence>` for each event that came early, and `ready` once it serves.
 *
 *   node --import tsx inbox-consumer.ts <sdkDir> <pgUrl> <nats|http> <natsUrl|port>
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const [sdkDir, pgUrl, protocol, target] = process.argv.slice(2);
const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-billing-events", path)).href);
// The generated modules, typed loosely: this script is compiled apart from them.
const billing = await load("index.ts");
const { ensureSchema, postgresInbox } = await load("postgres.ts");

const pool = new pg.Pool({ connectionString: pgUrl, max: 12 });
await ensureSchema(pool);
await pool.query("CREATE TABLE IF NOT EXISTS effects (seq bigserial PRIMARY KEY, order_id text NOT NULL, amount integer NOT NULL, event_id text NOT NULL)");

const inbox = postgresInbox(pool, {
  onEvent: (report: { kind: string; sequence?: number }) => {
    if (report.kind === "parked") process.stdout.write(`parked ${report.sequence}\n`);
  },
});
const transport =
  protocol === "nats" ? await (await load("transports/nats.ts")).natsTransport({ servers: target, concurrency: 8 }) : (await load("transports/http.ts")).httpTransport({});
// Deliveries a killed process held come back after this long: longer than a restart, so messages
// sent since come first and the inbox must put each key's events back in order.
const consumer = billing.createConsumer({ transport, store: inbox.store, ackWaitMs: 5_000 });
await consumer.onOrderPaid(
  inbox.handle(async (data: { orderId: string; amount: number }, { tx, event }: { tx: pg.PoolClient; event: { id: string } }) => {
    await tx.query("INSERT INTO effects (order_id, amount, event_id) VALUES ($1, $2, $3)", [data.orderId, data.amount, event.id]);
  }),
);
if (protocol === "http") createServer(transport.handler).listen(Number(target), "127.0.0.1", () => process.stdout.write("ready\n"));
else process.stdout.write("ready\n");
