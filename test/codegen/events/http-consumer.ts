/**
 * The billing consumer of events-http.test.ts, in a process of its own so the test can SIGKILL it
 * mid-stream: the generated `urn-shop-billing-events` package serving a signed webhook endpoint,
 * its dedup records in a FileIdempotencyStore (which outlives the process), its dead letters
 * POSTed to the test's collector. Prints `ready` once it listens, and `duplicate <key>` for each
 * event its store skips; given <dieAfter>, it kills itself right after committing that many effects,
 * before answering for the last (printing `dying <key>`): the one moment a crash leaves an effect
 * committed and its event still to be sent again.
 *
 *   node --import tsx http-consumer.ts <sdkDir> <port> <storeFile> <dlqUrl> <binary|structured> <secret> [dieAfter]
 */
import { writeSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, port, storeFile, dlqUrl, mode, secret, dieAfter] = process.argv.slice(2);
const pkg = join(sdkDir, "urn-shop-billing-events");
const billing = await import(pathToFileURL(join(pkg, "index.ts")).href);
const { httpTransport } = await import(pathToFileURL(join(pkg, "transports", "http.ts")).href);

const store = new billing.FileIdempotencyStore(storeFile);
const deadLetters = httpTransport({ url: dlqUrl, mode, secret, retry: { attempts: 3, initialMs: 50, maxMs: 500 } });
const transport = httpTransport({ secret });
let handled = 0;
const onEvent = (report: { kind: string; key?: string }) => {
  if (report.kind === "duplicate") process.stdout.write(`duplicate ${report.key}\n`);
  if (report.kind === "handled" && ++handled === Number(dieAfter)) {
    // Synchronously, so the consumer never gets to answer.
    writeSync(1, `dying ${report.key}\n`);
    process.kill(process.pid, "SIGKILL");
  }
};
const consumer = billing.createConsumer({ transport, store, deadLetterTransport: deadLetters, onEvent });

const subscription = await consumer.onOrderPaid(async (data: { orderId: string; amount: number; paymentMethod: string }, context: { attempt: number; deliveryCount: number }) => {
  // A ledger that fails now and then, so handler retries are part of the run.
  if (context.attempt === 1 && data.orderId.endsWith("3")) throw new Error("ledger busy");
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
  // The effect: booked in the store together with the event's dedup key.
  return { orderId: data.orderId, amount: data.amount, paymentMethod: data.paymentMethod, deliveryCount: context.deliveryCount };
});

const server = createServer(transport.handler);
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));

process.on("SIGTERM", async () => {
  server.close();
  await subscription.stop();
  await Promise.all([store.close(), transport.close(), deadLetters.close()]);
  process.exit(0);
});
