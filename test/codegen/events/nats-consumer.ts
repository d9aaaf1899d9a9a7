/*
 * The billing consumer in a process of its own, for events-nats.test.ts to kill and restart: the
 * generated consumer over the generated NATS transport, committing each effect with its dedup
 * record to a FileIdempotencyStore that outlives the process. Prints `duplicate <key>` for each event
 * its store skips (a redelivery or a re-send), and runs until killed; given <dieAfter>, it kills
 * itself right after committing that many effects, before acking the last (printing `dying <key>`),
 * the one moment a crash leaves an effect committed and its message still to be redelivered.
 *
 * node --import tsx test/codegen/events/nats-consumer.ts <sdkDir> <natsUrl> <storeFile> [dieAfter]
 */
import { writeSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, natsUrl, storeFile, dieAfter] = process.argv.slice(2);
if (!storeFile) throw new Error("usage: nats-consumer.ts <sdkDir> <natsUrl> <storeFile>");
const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-shop-billing-events", path)).href);
// The generated modules, typed loosely: this script is compiled apart from them.
const billing = await load("index.ts");
const { natsTransport } = await load("transports/nats.ts");

let handled = 0;
const consumer = billing.createConsumer({
  transport: await natsTransport({ servers: natsUrl }),
  store: new billing.FileIdempotencyStore(storeFile),
  // Deliveries a killed process held come back after this long.
  ackWaitMs: 2_000,
  onEvent: (report: { kind: string; key?: string }) => {
    if (report.kind === "duplicate") process.stdout.write(`duplicate ${report.key}\n`);
    if (report.kind === "handled" && ++handled === Number(dieAfter)) {
      // Synchronously, so the consumer never gets to ack.
      writeSync(1, `dying ${report.key}\n`);
      process.kill(process.pid, "SIGKILL");
    }
  },
});
await consumer.onOrderPaid((data: { orderId: string; amount: number; paymentMethod: string }) => ({
  orderId: data.orderId,
  amount: data.amount,
  paymentMethod: data.paymentMethod,
}));
