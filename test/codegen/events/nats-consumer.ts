/*
 * The billing consumer in a process of its own, for events-nats.test.ts to kill and restart: the
 * generated consumer over the generated NATS transport, committing each effect with its dedup
 * record to a FileIdempotencyStore that outlives the process. Prints `duplicate` for each event its
 * store skips (a redelivery or a re-send), and runs until killed.
 *
 * node --import tsx test/codegen/events/nats-consumer.ts <sdkDir> <natsUrl> <storeFile>
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, natsUrl, storeFile] = process.argv.slice(2);
if (!storeFile) throw new Error("usage: nats-consumer.ts <sdkDir> <natsUrl> <storeFile>");
const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-billing-events", path)).href);
// The generated modules, typed loosely: this script is compiled apart from them.
const billing = await load("index.ts");
const { natsTransport } = await load("transports/nats.ts");

const consumer = billing.createConsumer({
  transport: await natsTransport({ servers: natsUrl }),
  store: new billing.FileIdempotencyStore(storeFile),
  // Deliveries a killed process held come back after this long.
  ackWaitMs: 2_000,
  onEvent: (report: { kind: string }) => {
    if (report.kind === "duplicate") process.stdout.write("duplicate\n");
  },
});
await consumer.onOrderPaid((data: { orderId: string; amount: number; paymentMethod: string }) => ({
  orderId: data.orderId,
  amount: data.amount,
  paymentMethod: data.paymentMethod,
}));
