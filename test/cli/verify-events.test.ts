import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Ajv } from "ajv";
import { CloudEvent, HTTP } from "cloudevents";
import { connect, headers as natsHeaders } from "nats";
import type { Report } from "../../src/report/report.js";
import { AVRO_REGISTRY } from "../helpers/avro-registry.js";
import { ROOT, tempTree, type Run } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, type NatsServer } from "../helpers/nats-server.js";

const BIN = join(ROOT, "dist", "charter.js");
const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

const ORDERS = "urn:shop:orders:events";
const BILLING = "urn:shop:billing:events";
const CHANNEL = "order.paid.v1";
const ATTRIBUTES = { source: "/shop/orders", type: "com.shop.order.paid.v1", dataschema: "https://schemas.shop.example/orders/order-paid.v1.json", datacontenttype: "application/json" };
/** An order-paid event's data with `amount` of the wrong type and the required `paymentMethod` missing. */
const BROKEN = { orderId: "o-1", userId: "u-1", amount: "12.50", currency: "EUR" };
const PAID = { ...BROKEN, amount: 1250, paymentMethod: "card" };

/** The line where the OrderPaid message of the orders contract begins (its first key): where event findings are located. */
const MESSAGE_LINE = readFileSync(join(ROOT, "contracts/orders/order-events.asyncapi.yaml"), "utf8").split("\n").indexOf("    OrderPaid:") + 2;

/** The built CLI in the background; `ready` resolves with the first stderr match of `wait`, `done` with the run. */
function charterAsync(args: string[], wait: RegExp): { child: ChildProcess; ready: Promise<RegExpMatchArray>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let found: (match: RegExpMatchArray) => void;
  const ready = new Promise<RegExpMatchArray>((resolve) => (found = resolve));
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
    const match = wait.exec(stderr);
    if (match) found(match);
  });
  const done = new Promise<Run>((resolve) => child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr })));
  // A run that ends before it is ready fails the wait with what it said (unheard when nobody waits).
  const waited = Promise.race([ready, done.then((run) => Promise.reject(new Error(`charter ${args[0]} exited ${run.status}: ${run.stderr}`)))]);
  waited.catch(() => {});
  return { child, ready: waited, done };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The report of a verify run that found the broken event: each data violation with the message and its JSON pointer, at the message's line. */
function assertBrokenFound(run: Run, against: string): void {
  assert.equal(run.status, 1, run.stderr);
  const report: Report = JSON.parse(run.stdout);
  assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
  assert.deepEqual(report.against, [against]);
  const found = report.findings.map((f) => ({ rule: f.rule, category: f.category, contract: f.contract, file: f.location?.file, line: f.location?.line, fingerprint: f.fingerprint }));
  assert.deepEqual(
    found.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
    ["#/amount", "#/paymentMethod"].map((pointer) => ({ rule: "event-data-invalid", category: "verify", contract: ORDERS, file: "contracts/orders/order-events.asyncapi.yaml", line: MESSAGE_LINE, fingerprint: `event-data-invalid:${ORDERS}:${CHANNEL} OrderPaid ${pointer}` })),
  );
  assert.match(report.findings.find((f) => f.fingerprint.endsWith("/amount"))!.message, /OrderPaid: data that breaks the message's payload schema at "\/amount": must be integer/);
}

describe("charter verify of events over NATS", { skip: natsServerSkip() }, () => {
  let nats: NatsServer;
  before(async () => {
    nats = await startNatsServer();
  });
  after(() => nats?.stop());

  it("finds nothing in the sample events charter mock --nats publishes for the example registry", async () => {
    // Samples are published before the mock listens: its OpenAPI line says both are running.
    const mock = charterAsync(["mock", "contracts", "--port", "0", "--nats", nats.url, "--interval", "50"], /^charter mock: shop\.orders\.v1 at (\S+)$/m);
    try {
      const [, api] = await mock.ready;
      // One run, one report: the OpenAPI service and the events.
      const verify = charterAsync(["verify", "contracts", "--target", `shop.orders.v1=${api}`, "--target", `${ORDERS}=${nats.url}`, "--events", "3", "--window", "600000", "--format", "json"], /$^/);
      const run = await verify.done;
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /charter verify: 3 events seen/);
      const report: Report = JSON.parse(run.stdout);
      assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
      assert.deepEqual(report.findings, []);
      assert.deepEqual(report.against, [api, nats.url]);
      assert.deepEqual(report.contracts.map((c) => [c.id, c.kind, c.passed]), [["shop.orders.v1", "openapi", true], [ORDERS, "asyncapi", true]]);
    } finally {
      await stop(mock.child);
    }
  });

  it("finds a broken producer's event (structured mode) with its message and JSON pointers, and exits 1", async () => {
    const verify = charterAsync(["verify", "contracts", "--target", `${ORDERS}=${nats.url}`, "--events", "1", "--window", "600000", "--format", "json"], /watching \S+ subjects order\.paid\.v1/);
    await verify.ready;
    const nc = await connect({ servers: nats.url });
    const message = HTTP.structured(new CloudEvent<unknown>({ ...ATTRIBUTES, data: BROKEN }));
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(message.headers)) headers.append(name, String(value));
    nc.publish(CHANNEL, new TextEncoder().encode(message.body as string), { headers });
    await nc.drain();
    assertBrokenFound(await verify.done, nats.url);
  });
  it("reads Avro payloads, plain and in Confluent's wire format: the mock's samples pass, bytes the schema cannot read are found", async () => {
    const registry = tempTree(AVRO_REGISTRY);
    const mock = charterAsync(["mock", registry, "--port", "0", "--nats", nats.url, "--interval", "50"], /subject order\.returned\.v1/);
    try {
      await mock.ready;
      const run = await charterAsync(["verify", registry, "--target", `urn:shop:shipments=${nats.url}`, "--events", "4", "--window", "600000", "--format", "json"], /$^/).done;
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as Report).findings, []);
    } finally {
      await stop(mock.child);
    }
    const verify = charterAsync(["verify", registry, "--target", `urn:shop:shipments=${nats.url}`, "--events", "1", "--window", "600000", "--format", "json"], /watching/);
    await verify.ready;
    const nc = await connect({ servers: nats.url });
    // An OrderShipped record cut short: avsc cannot read it with the schema.
    const message = HTTP.binary(new CloudEvent<unknown>({ source: "urn:shop:shipments", type: "urn:shop:shipments.OrderShipped", datacontenttype: "application/avro", data: Buffer.from([6, 0x6f]) }));
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(message.headers)) headers.append(name, String(value));
    nc.publish("order.shipped.v1", message.body as Uint8Array, { headers });
    await nc.drain();
    const run = await verify.done;
    assert.equal(run.status, 1, run.stderr);
    const findings = (JSON.parse(run.stdout) as Report).findings;
    assert.deepEqual(findings.map((f) => f.rule), ["event-data-invalid"]);
    assert.match(findings[0].message, /^order\.shipped\.v1 OrderShipped: data that breaks the message's payload schema at its root: not Avro its schema reads/);
  });
});

describe("CloudEvents over HTTP: charter mock's sink and charter verify's", () => {
  /** POSTs an order-paid event in binary mode, as the generated HTTP producer does. */
  const post = (url: string, data: unknown) => {
    const message = HTTP.binary(new CloudEvent<unknown>({ ...ATTRIBUTES, data }));
    return fetch(url, { method: "POST", headers: message.headers as Record<string, string>, body: message.body as string });
  };

  it("the mock answers a valid event 202 and an invalid one 400 naming each violation and its JSON pointer", async () => {
    // Billing receives order-paid events: the mock's sink stands in for it.
    const mock = charterAsync(["mock", "contracts", "--port", "0"], new RegExp(`^charter mock: ${BILLING} at (\\S+)$`, "m"));
    try {
      const [, url] = await mock.ready;
      assert.match(url, /\/order\.paid\.v1$/);
      assert.equal((await post(url, PAID)).status, 202);
      const refused = await post(url, BROKEN);
      assert.equal(refused.status, 400);
      const problem = (await refused.json()) as { violations: { rule: string; pointer: string; message: string }[] };
      assert.deepEqual(problem.violations.map((v) => [v.rule, v.pointer]).sort(), [
        ["event-data-invalid", "/amount"],
        ["event-data-invalid", "/paymentMethod"],
      ]);
      assert.ok(problem.violations.every((v) => v.message.startsWith(`${CHANNEL} OrderPaid:`)), JSON.stringify(problem));
    } finally {
      await stop(mock.child);
    }
  });

  it("verify's sink finds a broken producer's POSTed event with its message and JSON pointers", async () => {
    const target = "http://127.0.0.1:0";
    const verify = charterAsync(["verify", "contracts", "--target", `${ORDERS}=${target}`, "--events", "1", "--window", "600000", "--format", "json"], /listening at (\S+) /);
    const [, base] = await verify.ready;
    assert.equal((await post(`${base}/${CHANNEL}`, BROKEN)).status, 202);
    assertBrokenFound(await verify.done, target);
  });
});
