import { describe } from "node:test";
import { lintTable } from "../../lint/helpers.js";

const api = (paths: string, root = "") => `openapi: 3.1.0\ninfo: { title: Orders, version: 1.0.0 }\n${root}paths:\n${paths}`;
const POST = (extra = "") => `  /orders:\n    post:\n${extra}      responses: { "201": { description: OK } }\n`;
const events = (operation: string, channel = "") =>
  `asyncapi: 3.0.0\ninfo: { title: Billing, version: 1.0.0 }\nchannels:\n  paid:\n    address: order.paid.v1\n${channel}  dead:\n    address: billing.dlq.v1\noperations:\n  onPaid:\n    action: receive\n    channel: { $ref: "#/channels/paid" }\n${operation}`;

describe("lint reads x-charter-* extensions through the one module, problems at the offending member", () => {
  lintTable([
    { name: "an SLO's bad error budget is reported at the budget", files: { "a.openapi.yaml": api(POST("      x-charter-slo:\n        latency-p99-ms: 200\n        error-budget: 5\n")) }, rule: "slo-required", count: 1, line: 8, message: /error-budget/ },
    { name: "a malformed timeout at the document's root is reported there", files: { "a.openapi.yaml": api(POST(), "x-charter-timeout: 0s\n") }, rule: "operation-timeout", count: 1, line: 3, message: /not a positive number/ },
    { name: "an idempotency key of true names the IETF header", files: { "a.openapi.yaml": api(POST("      x-charter-idempotency-key: true\n")) }, rule: "operation-idempotency-key", count: 0 },
    { name: "an idempotency key on the path item covers its operations", files: { "a.openapi.yaml": api(`  /orders:\n    x-charter-idempotency-key: X-Request-Id\n    post:\n      responses: { "201": { description: OK } }\n`) }, rule: "operation-idempotency-key", count: 0 },
    { name: "an idempotency key that is no header name is reported at it", files: { "a.openapi.yaml": api(POST("      x-charter-idempotency-key: 12\n")) }, rule: "operation-idempotency-key", count: 1, line: 6, message: /declares no idempotency key/ },
    { name: "a dead-letter channel declared on the channel covers its receive operations", files: { "e.asyncapi.yaml": events("", "    x-charter-dead-letter: dead\n") }, rule: "receive-dead-letter", count: 0 },
    { name: "a dead-letter channel that is not one of the document's", files: { "e.asyncapi.yaml": events("    x-charter-dead-letter: billing.gone.v1\n") }, rule: "receive-dead-letter", count: 1, line: 12, message: /"billing.gone.v1", which is not a channel/ },
  ]);
});
