import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSite } from "../../../src/docs/site.js";

const API = `openapi: 3.1.0
info: { title: Orders, version: 1.0.0, x-charter-slo: { latency-p99-ms: 300, error-budget: "0.1%" } }
x-charter-retry: { budget: 0.2 }
paths:
  /orders:
    post:
      operationId: createOrder
      x-charter-timeout: 2s
      x-charter-idempotency-key: X-Request-Id
      x-charter-retry: { attempts: 2, backoff: { initial-ms: 50, max-ms: 400 } }
      responses: { "201": { description: Created } }
`;

const EVENTS = `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  paid:
    address: order.paid.v1
    x-charter-slo: { latency-p99-ms: 1000, error-budget: 0.01 }
    messages:
      paid:
        x-charter-business-key: orderId
        payload: { type: object, properties: { orderId: { type: string } } }
  dead:
    address: billing.dlq.v1
operations:
  onPaid:
    action: receive
    channel: { $ref: "#/channels/paid" }
    x-charter-dead-letter: { $ref: "#/channels/dead" }
    x-charter-retry: { max-deliver: 4 }
`;

const LABELS = new Set(["Timeout", "Retries", "Retry budget", "Idempotency key", "SLO", "Dead letters", "Business key"]);

/** The resilience facts of a page (`<dt>label</dt><dd><code>value</code></dd>`), in page order. */
const facts = (html: string) =>
  [...html.matchAll(/<dt>([^<]*)<\/dt><dd><code>([^<]*)<\/code><\/dd>/g)].filter((m) => LABELS.has(m[1])).map((m) => `${m[1]}: ${m[2]}`);

describe("the docs site shows what elements declare of x-charter-* extensions", () => {
  it("operations, channels, receive operations and messages", async () => {
    const site = await buildSite({ label: "current", base: "", files: new Map([["orders.openapi.yaml", API], ["billing.asyncapi.yaml", EVENTS]]) }, []);
    const page = (title: string) => [...site.entries()].find(([path, html]) => path.endsWith(".html") && path !== "index.html" && html.includes(`<title>${title}`))?.[1] ?? assert.fail(`no page ${title}`);
    assert.deepEqual(facts(page("Orders")), [
      "Timeout: 2s",
      "Retries: 2 attempts, backoff 50–400 ms",
      "Retry budget: 20% extra calls",
      "Idempotency key: X-Request-Id",
      "SLO: p99 300 ms, 0.1% errors",
    ]);
    assert.deepEqual(facts(page("Billing")), ["SLO: p99 1000 ms, 1% errors", "Business key: orderId", "Dead letters: billing.dlq.v1", "Retries: at most 4 deliveries"]);
  });
});
