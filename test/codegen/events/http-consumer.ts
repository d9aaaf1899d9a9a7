/**
 * The billing consumer of events-http.test.ts, in a process of its own so the test can SIGKILL it
 * mid-stream: the generated `urn-shop-billing-events` package serving a signed webhook endpoint,
 * its dedup records in a FileIdempotencyStore (which outlives the process), its dead letters
 * POSTed to the test's collector. Prints `ready` once it listens.
 *
 *   node --import tsx http-consumer.ts <sdkDir> <port> <storeFile> <dlqUrl> <binary|structured> <secret>
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [sdkDir, port, storeFile, dlqUrl, mode, secret] = process.argv.slice(2);
const pkg = join(sdkDir, "urn-shop-billing-events");
const billing = await import(pathToFileURL(join(pkg, "index.ts")).href);
const { httpTransport } = await import(pathToFileURL(join(pkg, "transports", "http.ts")).href);

const store = new billing.FileIdempotencyStore(storeFile);
const deadLetters = httpTransport({ url: dlqUrl, mode, secret, retry: { attempts: 3, initialMs: 50, maxMs: 500 } });
const transport = httpTransport({ secret });
const consumer = billing.createConsumer({ transport, store, deadLetterTransport: deadLetters });

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
