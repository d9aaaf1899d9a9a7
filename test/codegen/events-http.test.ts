import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it, type TestContext } from "node:test";
import { CloudEvent, HTTP } from "cloudevents";
import { generateSdks } from "../../src/codegen/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { ROOT } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

const CONSUMER = join(ROOT, "test", "codegen", "events", "http-consumer.ts");
const CHANNEL = "order.paid.v1";
const DLQ = "billing.order-paid.dlq.v1";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer(handler);
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}`, port: address.port };
}

async function freePort(): Promise<number> {
  const { server, port } = await listen(() => undefined);
  server.close();
  await once(server, "close");
  return port;
}

async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  server.close();
  await once(server, "close");
}

const order = (orderId: string, overrides: Record<string, unknown> = {}) => ({ orderId, userId: "u-1", amount: 1999, currency: "EUR", paymentMethod: "card", ...overrides });

describe("generated CloudEvents packages over HTTP (webhooks)", () => {
  let sdk: string;
  // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
  let orders: any;
  let billing: any;
  let http: any;

  before(async () => {
    const compiled = compileSdk(await generateSdks(readInput(join(ROOT, "contracts"), ROOT)), "charter-events-http-");
    assert.equal(compiled.output, "", compiled.output);
    assert.equal(compiled.status, 0);
    sdk = compiled.dir;
    orders = await import(pathToFileURL(join(sdk, "urn-shop-orders-events", "index.ts")).href);
    billing = await import(pathToFileURL(join(sdk, "urn-shop-billing-events", "index.ts")).href);
    http = await import(pathToFileURL(join(sdk, "urn-shop-orders-events", "transports", "http.ts")).href);
  });

  describe("a billing consumer in this process", () => {
    const secret = `whsec_${randomBytes(24).toString("base64")}`;
    let receiver: any;
    let server: Server;
    let url: string;
    const handled: { data: any; context: any }[] = [];
    const deadLetters: CloudEvent<unknown>[] = [];

    before(async () => {
      receiver = http.httpTransport({ secret });
      const collector = { send: async ({ event }: { event: CloudEvent<unknown> }) => void deadLetters.push(event), subscribe: async () => ({ stop: async () => {} }), close: async () => {} };
      const consumer = billing.createConsumer({ transport: receiver, deadLetterTransport: collector });
      await consumer.onOrderPaid((data: unknown, context: unknown) => void handled.push({ data, context }));
      ({ server, url } = await listen(receiver.handler));
    });
    after(async () => {
      await receiver.close();
      await stopServer(server);
    });

    /** POSTs a CloudEvent by hand (binary mode), signed as `sign` says. */
    const post = (event: CloudEvent<unknown>, sign: (body: Buffer) => Record<string, string>) => {
      const message = HTTP.binary(event);
      const body = Buffer.from(message.body as string);
      return fetch(`${url}/${CHANNEL}`, { method: "POST", headers: { ...(message.headers as Record<string, string>), ...sign(body) }, body });
    };
    const paid = (orderId: string) => new CloudEvent({ type: orders.OrderPaidSpec.type, source: orders.OrderPaidSpec.source, datacontenttype: "application/json", data: order(orderId) });

    for (const mode of ["binary", "structured"] as const) {
      it(`decodes what the producer sends in ${mode} mode, attributes and extensions intact`, async () => {
        const transport = http.httpTransport({ url, mode, secret });
        const producer = orders.createProducer({ transport });
        const note = 'naïve "100%" café\nsecond line';
        const sent = await producer.publishOrderPaid(order(`decode-${mode}`), { subject: "order/1", extensions: { note } });
        await transport.close();
        const got = handled.find((h) => h.data.orderId === `decode-${mode}`);
        assert.ok(got, "handled");
        assert.deepEqual(got.data, order(`decode-${mode}`));
        for (const attribute of ["id", "type", "source", "subject", "time", "dataschema", "datacontenttype", "partitionkey", "traceparent", "note"]) {
          assert.equal(got.context.event[attribute], sent[attribute], attribute);
        }
        assert.equal(sent.note, note);
        assert.equal(got.context.deliveryCount, 1);
      });
    }

    it("refuses unsigned, badly signed and tampered requests with 401, handling nothing", async () => {
      const before = handled.length;
      const event = paid("unsigned");
      assert.equal((await post(event, () => ({}))).status, 401);
      assert.equal((await post(event, (body) => http.signWebhook("whsec_" + randomBytes(24).toString("base64"), http.webhookIdOf(event.source, event.id), body))).status, 401);
      assert.equal((await post(event, () => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), Buffer.from('{"orderId":"other"}')))).status, 401);
      // Signed right, but as another message than ce-source and ce-id: the dedup key is bound to the signature.
      assert.equal((await post(event, (body) => http.signWebhook(secret, "another-id", body))).status, 401);
      assert.equal((await post(event, (body) => http.signWebhook(secret, http.webhookIdOf("/shop/orders/replayed", event.id), body))).status, 401);
      // A captured request replayed with another ce-source would otherwise pass as a new event.
      const replayed = new CloudEvent({ ...event, source: "/shop/orders/replayed" });
      assert.equal((await post(replayed, (body) => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), body))).status, 401);
      assert.equal((await post(event, (body) => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), body))).status, 204);
      assert.equal(handled.length, before + 1);
    });

    it("refuses timestamps outside the replay window, stale or from the future", async () => {
      const before = handled.length;
      const event = paid("stale");
      assert.equal((await post(event, (body) => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), body, Date.now() - 6 * 60_000))).status, 401);
      assert.equal((await post(event, (body) => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), body, Date.now() + 6 * 60_000))).status, 401);
      assert.equal((await post(event, (body) => http.signWebhook(secret, http.webhookIdOf(event.source, event.id), body, Date.now() - 4 * 60_000))).status, 204);
      assert.equal(handled.length, before + 1);
    });

    it("dead-letters what is not a CloudEvent, and what breaks the contract, naming the field", async () => {
      const body = Buffer.from('{"hello":"world"}');
      const garbage = await fetch(`${url}/${CHANNEL}`, { method: "POST", headers: { "content-type": "application/json", ...http.signWebhook(secret, "garbage-1", body) }, body });
      assert.equal(garbage.status, 204);
      const undecodable = deadLetters.find((e) => e.type === "dev.charter.deadletter.undecodable");
      assert.ok(undecodable);
      assert.match(String(undecodable.deadletterreason), /not a CloudEvent/);
      assert.equal((undecodable.data as { body: string }).body, '{"hello":"world"}');

      const bad = new CloudEvent({ type: orders.OrderPaidSpec.type, source: orders.OrderPaidSpec.source, datacontenttype: "application/json", data: order("bad", { currency: "eur" }) });
      assert.equal((await post(bad, (b) => http.signWebhook(secret, http.webhookIdOf(bad.source, bad.id), b))).status, 204);
      assert.match(String(deadLetters.find((e) => e.id === bad.id)?.deadletterreason), /\/currency/);
    });

    it("answers 404 off the subscribed paths, 405 to other methods, 413 to big bodies", async () => {
      assert.equal((await fetch(`${url}/nowhere`, { method: "POST", body: "{}" })).status, 404);
      assert.equal((await fetch(`${url}/${CHANNEL}`)).status, 405);
      const big = Buffer.alloc(1024 * 1024 + 1, "a");
      assert.equal((await fetch(`${url}/${CHANNEL}`, { method: "POST", headers: http.signWebhook(secret, "big", big), body: big })).status, 413);
    });
  });

  describe("the receiving side of the transport", () => {
    it("answers 500 when the consumer throws, 503 with Retry-After when it asks for later, and 503 once stopped", async (t) => {
      const transport = http.httpTransport({});
      const { server, url } = await listen(transport.handler);
      t.after(() => Promise.all([transport.close(), stopServer(server)]));
      let behaviour: (delivery: any) => Promise<void> = async () => {
        throw new Error("store down");
      };
      const subscription = await transport.subscribe({ channel: CHANNEL, group: "g", ackWaitMs: 1000 }, (d: any) => behaviour(d));
      const message = HTTP.structured(new CloudEvent({ type: "t", source: "/s", data: { a: 1 } }));
      const send = () => fetch(`${url}/${CHANNEL}`, { method: "POST", headers: message.headers as Record<string, string>, body: message.body as string });

      const failed = await send();
      assert.equal(failed.status, 500);
      assert.match(await failed.text(), /store down/);
      assert.equal(failed.headers.get("webhook-delivered"), "true");

      behaviour = (d) => d.retryLater(1500);
      const later = await send();
      assert.equal(later.status, 503);
      assert.equal(later.headers.get("retry-after"), "2");
      assert.equal(later.headers.get("webhook-delivered"), "true");

      // stop() waits for the delivery in hand; the channel then answers "later", not "gone".
      let finished = false;
      behaviour = async (d) => {
        await sleep(200);
        finished = true;
        await d.ack();
      };
      const slow = send();
      await sleep(50);
      await subscription.stop();
      assert.equal(finished, true);
      assert.equal((await slow).status, 204);
      const stopped = await send();
      assert.equal(stopped.status, 503);
      assert.equal(stopped.headers.get("webhook-delivered"), null, "a stopped channel's consumer never saw it");
    });
  });

  describe("the sending side of the transport", () => {
    /**
     * A receiver answering each request with the next status in `script` (then 204), closed after
     * the test; `probe`'s value is recorded with each request.
     */
    async function scripted(t: TestContext, script: { status: number; headers?: Record<string, string> }[], probe?: () => unknown) {
      const seen: { probed: unknown; path?: string; count: string | undefined }[] = [];
      const { server, url } = await listen((req, res) => {
        req.resume();
        req.on("end", () => {
          seen.push({ probed: probe?.(), path: req.url, count: req.headers["webhook-delivery-count"] as string | undefined });
          const next = script.shift() ?? { status: 204 };
          res.writeHead(next.status, next.headers).end(next.status === 204 ? undefined : "nope");
        });
      });
      t.after(() => stopServer(server));
      return { seen, url };
    }
    const event = () => new CloudEvent({ type: "t", source: "/s", data: { a: 1 } });

    it("posts to the base URL plus the channel's path, or to the channel's own endpoint", async (t) => {
      const receiver = await scripted(t, []);
      const transport = http.httpTransport({ url: `${receiver.url}/hooks/`, endpoints: { [DLQ]: `${receiver.url}/dead` } });
      await transport.send({ channel: CHANNEL, event: event() });
      await transport.send({ channel: DLQ, event: event() });
      const custom = http.httpTransport({ url: receiver.url, path: (channel: string) => `/events/${channel.replaceAll(".", "/")}` });
      await custom.send({ channel: CHANNEL, event: event() });
      assert.deepEqual(
        receiver.seen.map((s) => s.path),
        [`/hooks/${CHANNEL}`, "/dead", "/events/order/paid/v1"],
      );
      await Promise.all([transport.close(), custom.close()]);
    });

    it("does not retry a 4xx", async (t) => {
      const receiver = await scripted(t, [{ status: 400 }]);
      const transport = http.httpTransport({ url: receiver.url, retry: { attempts: 5, initialMs: 10, maxMs: 10 } });
      await assert.rejects(transport.send({ channel: CHANNEL, event: event() }), (error: any) => {
        assert.equal(error.name, "HttpDeliveryError");
        assert.equal(error.status, 400);
        assert.match(error.message, /refused: 400 nope/);
        return true;
      });
      assert.equal(receiver.seen.length, 1);
      await transport.close();
    });

    it("retries 503 after its Retry-After, and 429 and 500 with backoff, counting the deliveries the consumer saw", async (t) => {
      const consumerSaw = { "webhook-delivered": "true" };
      // The 429 stands for a proxy's answer, the consumer never having seen the event.
      // A timer set for half the Retry-After before sending has fired by the first retry if the
      // sender waited: timers run in the order they fall due, so no clock is read.
      let halfway = false;
      const receiver = await scripted(t, [{ status: 503, headers: { ...consumerSaw, "retry-after": "1" } }, { status: 429 }, { status: 500, headers: consumerSaw }], () => halfway);
      const transport = http.httpTransport({ url: receiver.url, retry: { attempts: 5, initialMs: 10, maxMs: 20 } });
      setTimeout(() => (halfway = true), 500);
      await transport.send({ channel: CHANNEL, event: event() });
      assert.deepEqual(
        receiver.seen.map((s) => s.count),
        ["1", "2", "2", "3"],
      );
      assert.equal(receiver.seen[1].probed, true, "waited out Retry-After");
      await transport.close();
    });

    // The timeout turns a sender that waits out the hour into a failure rather than a hang.
    it("waits no longer than maxRetryAfterMs for a Retry-After", { timeout: 60_000 }, async (t) => {
      const receiver = await scripted(t, [{ status: 503, headers: { "retry-after": "3600" } }]);
      const transport = http.httpTransport({ url: receiver.url, maxRetryAfterMs: 20 });
      await transport.send({ channel: CHANNEL, event: event() });
      assert.equal(receiver.seen.length, 2);
      await transport.close();
    });

    it("gives up after its attempts, on network errors too", async () => {
      const transport = http.httpTransport({ url: `http://127.0.0.1:${await freePort()}`, retry: { attempts: 3, initialMs: 5, maxMs: 5 } });
      await assert.rejects(transport.send({ channel: CHANNEL, event: event() }), /failed 3 time\(s\), last: .*ECONNREFUSED/);
      await transport.close();
    });

    it("signs as Standard Webhooks specifies (its published example) and accepts any of several signatures", () => {
      const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
      const body = Buffer.from('{"test": 2432232314}');
      const headers = http.signWebhook(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", body, 1614265330_000);
      assert.equal(headers["webhook-signature"], "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
      const now = 1614265330_000 + 60_000;
      assert.equal(http.verifyWebhook(secret, headers, body, { now }), undefined);
      const rotated = { ...headers, "webhook-signature": `v1,${randomBytes(32).toString("base64")} ${headers["webhook-signature"]}` };
      assert.equal(http.verifyWebhook(secret, rotated, body, { now }), undefined);
      assert.match(http.verifyWebhook(secret, headers, body, { now: now + 5 * 60_000 }), /replay window/);
      assert.match(http.verifyWebhook("whsec_" + randomBytes(24).toString("base64"), headers, body, { now }), /does not match/);
      assert.match(http.verifyWebhook(secret, { ...headers, "webhook-signature": headers["webhook-signature"].replace("v1,", "v2,") }, body, { now }), /does not match/);
    });
  });

  /**
   * The proof over HTTP: 1,000 events, valid, invalid and duplicated, published while the
   * consumer process is SIGKILLed and restarted twice; every valid event's effect is in the store
   * exactly once, every invalid one at the dead-letter collector with its reason, nothing lost.
   */
  for (const mode of ["binary", "structured"] as const) {
    it(`${mode} mode: 1,000 events through two consumer crashes, each effect once, each invalid one dead-lettered`, async (t) => {
      const secret = `whsec_${randomBytes(24).toString("base64")}`;
      const dir = mkdtempSync(join(tmpdir(), "charter-events-http-"));
      const storeFile = join(dir, "billing.jsonl");

      // The dead-letter collector: the consumer POSTs its dead letters here, signed.
      const dlq = http.httpTransport({ secret });
      const collected = new Map<string, CloudEvent<unknown>>();
      await dlq.subscribe({ channel: DLQ, group: "collector", ackWaitMs: 1000 }, async (delivery: any) => {
        const letter = delivery.decode();
        collected.set(letter.id, letter);
        await delivery.ack();
      });
      const collector = await listen(dlq.handler);
      t.after(() => Promise.all([dlq.close(), stopServer(collector.server)]));

      const port = await freePort();
      let consumer: ChildProcess;
      /** Keys the consumers skipped as duplicates, and the key the first one died on before answering. */
      const duplicates: string[] = [];
      let diedOn: string | undefined;
      const start = async (dieAfter?: number) => {
        const child = spawn(process.execPath, ["--import", "tsx", CONSUMER, sdk, String(port), storeFile, collector.url, mode, secret, ...(dieAfter ? [String(dieAfter)] : [])], {
          stdio: ["ignore", "pipe", "inherit"],
        });
        consumer = child;
        await new Promise<void>((resolve, reject) => {
          let pending = "";
          child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
            const lines = (pending + chunk).split("\n");
            pending = lines.pop() ?? "";
            for (const line of lines) {
              if (line === "ready") resolve();
              if (line.startsWith("duplicate ")) duplicates.push(line.slice("duplicate ".length));
              if (line.startsWith("dying ")) diedOn = line.slice("dying ".length);
            }
          });
          child.once("exit", (code) => reject(new Error(`the consumer exited (${code}) before it was ready`)));
        });
      };
      const crash = async () => {
        consumer.kill("SIGKILL");
        await once(consumer, "exit");
        await start();
      };
      // The first consumer kills itself after committing its 250th effect and before answering for
      // it; the senders' retries bring that event to the next one, which must skip it.
      await start(250);
      const selfKilled = once(consumer!, "exit").then(() => start());
      // Killing an exited process is a no-op: this is for a failing test, so it ends.
      t.after(() => void consumer.kill("SIGKILL"));

      // Enough tries, with backoff, to ride out a consumer restart (about a second, far longer on a loaded machine).
      const transport = http.httpTransport({ url: `http://127.0.0.1:${port}`, mode, secret, retry: { attempts: 40, initialMs: 50, maxMs: 1_000 }, timeoutMs: 5_000 });
      t.after(() => transport.close());
      const producer = orders.createProducer({ transport });
      const spec = orders.OrderPaidSpec;
      const around = (id: string, data: unknown, type = spec.type) => transport.send({ channel: CHANNEL, event: new CloudEvent({ id, type, source: spec.source, datacontenttype: "application/json", data }) });

      const ids = Array.from({ length: 1000 }, () => randomUUID());
      const orderId = (i: number) => `${mode}-${i}`;
      const valid = new Map<string, { orderId: string; paymentMethod: string }>();
      const invalid = new Map<string, RegExp>();
      const breakages = [
        { data: { currency: "eur" }, reason: /\/currency/ },
        { data: { amount: -1 }, reason: /\/amount/ },
        { data: { userId: undefined }, reason: /\/userId/ },
      ];
      const jobs = ids.map((id, i) => {
        if (i % 50 === 7) {
          // Invalid data, which the producer refuses to send: sent around it, signed like any other.
          const breakage = breakages[i % 3];
          invalid.set(id, breakage.reason);
          return () => around(id, order(orderId(i), breakage.data));
        }
        if (i % 100 === 29) {
          invalid.set(id, /type "com\.shop\.order\.refunded\.v1" is not one/);
          return () => around(id, order(orderId(i)), "com.shop.order.refunded.v1");
        }
        if (i % 50 === 21) {
          // The very same event again, as a producer retrying after a lost answer would send it.
          const original = i - 10;
          return () => producer.publishOrderPaid(order(orderId(original)), { id: ids[original] });
        }
        if (i % 50 === 33) {
          // A payment method billing does not know: booked as the contract's fallback.
          valid.set(id, { orderId: orderId(i), paymentMethod: "other" });
          return () => around(id, order(orderId(i), { paymentMethod: "crypto" }));
        }
        valid.set(id, { orderId: orderId(i), paymentMethod: "card" });
        return () => producer.publishOrderPaid(order(orderId(i)), { id });
      });

      // The second crash waits for the first restart, should it come due while that is under way.
      let crashes = selfKilled;
      let next = 0;
      const worker = async () => {
        while (next < jobs.length) {
          const i = next++;
          // Kill the consumer mid-stream from outside, without pausing the publishers.
          if (i === 650) crashes = crashes.then(crash);
          await jobs[i]();
        }
      };
      await Promise.all(Array.from({ length: 32 }, worker));
      await crashes;
      // The event whose effect was committed but not answered for came back, and was skipped.
      assert.ok(diedOn, "the first consumer died between commit and answer");
      assert.ok(duplicates.includes(diedOn), `${diedOn} was not sent again and skipped`);

      consumer!.kill("SIGTERM");
      await once(consumer!, "exit");

      // Every valid event's effect exactly once; nothing else in the store.
      const records = readFileSync(storeFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
      const byKey = new Map<string, any[]>();
      for (const record of records) byKey.set(record.key, [...(byKey.get(record.key) ?? []), record.effect]);
      for (const [id, expected] of valid) {
        const effects = byKey.get(`onOrderPaid ${spec.source} ${id}`);
        assert.equal(effects?.length, 1, `event ${id} (${expected.orderId}): ${effects?.length ?? 0} effects; dead letter: ${String(collected.get(id)?.deadletterreason)}`);
        assert.equal(effects[0].orderId, expected.orderId);
        assert.equal(effects[0].paymentMethod, expected.paymentMethod);
      }
      assert.equal(records.length, valid.size, "no effect for any invalid event, none twice");
      assert.equal(valid.size, 950);
      // The crashes hit events in flight: some were delivered again.
      const redelivered = records.filter((r) => r.effect.deliveryCount > 1).length;
      assert.ok(redelivered > 0, "some events were redelivered");
      t.diagnostic(`${redelivered} effects applied on a redelivery`);

      // Every invalid event at the collector, with a reason naming what is wrong.
      for (const [id, reason] of invalid) {
        const letter = collected.get(id);
        assert.ok(letter, `dead letter for ${id}`);
        assert.match(String(letter.deadletterreason), reason);
        assert.equal(letter.deadletteroperation, "onOrderPaid");
      }
      assert.equal(collected.size, invalid.size, "no valid event dead-lettered");
    });
  }
});
