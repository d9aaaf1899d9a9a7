import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBusinessKey } from "../../../src/contracts/extensions/business-key.js";
import { parseDeadLetter } from "../../../src/contracts/extensions/dead-letter.js";
import type { Parsed, Scope } from "../../../src/contracts/extensions/declared.js";
import { parseEnumFallback } from "../../../src/contracts/extensions/enum-fallback.js";
import { parseIdempotencyKey } from "../../../src/contracts/extensions/idempotency-key.js";
import { consumerPolicy, eventOperationExtensions, messageExtensions, operationExtensions, operationPolicy } from "../../../src/contracts/extensions/index.js";
import { parseRetry } from "../../../src/contracts/extensions/retry.js";
import { parseSlo } from "../../../src/contracts/extensions/slo.js";
import { parseTimeout } from "../../../src/contracts/extensions/timeout.js";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";

interface Row {
  name: string;
  parse: (raw: unknown) => Parsed<unknown>;
  raw: unknown;
  value?: unknown;
  problem?: RegExp;
  /** The member of the value the problem points at. */
  member?: (string | number)[];
}

const rows: Row[] = [
  { name: "timeout: milliseconds", parse: parseTimeout, raw: 2000, value: 2000 },
  { name: "timeout: ms", parse: parseTimeout, raw: "800ms", value: 800 },
  { name: "timeout: seconds, fractional", parse: parseTimeout, raw: "1.5s", value: 1500 },
  { name: "timeout: minutes", parse: parseTimeout, raw: "1m", value: 60_000 },
  { name: "timeout: zero", parse: parseTimeout, raw: 0, problem: /positive number of milliseconds/ },
  { name: "timeout: no unit", parse: parseTimeout, raw: "5", problem: /duration like "5s"/ },
  { name: "timeout: a word", parse: parseTimeout, raw: "soon", problem: /positive/ },
  { name: "timeout: 0s", parse: parseTimeout, raw: "0s", problem: /positive/ },
  { name: "retry: everything", parse: parseRetry, raw: { attempts: 2, backoff: { "initial-ms": 10, "max-ms": 20 }, budget: 0.5, "max-deliver": 4 }, value: { attempts: 2, initialMs: 10, maxMs: 20, budget: 0.5, maxDeliver: 4 } },
  { name: "retry: empty takes every default", parse: parseRetry, raw: {}, value: {} },
  { name: "retry: a budget of 0", parse: parseRetry, raw: { budget: 0 }, value: { budget: 0 } },
  { name: "retry: not an object", parse: parseRetry, raw: 3, problem: /not an object/, member: [] },
  { name: "retry: fractional attempts", parse: parseRetry, raw: { attempts: 2.5 }, problem: /attempts/, member: ["attempts"] },
  { name: "retry: attempts as a string", parse: parseRetry, raw: { attempts: "3" }, problem: /attempts/, member: ["attempts"] },
  { name: "retry: max-deliver 0", parse: parseRetry, raw: { "max-deliver": 0 }, problem: /max-deliver/, member: ["max-deliver"] },
  { name: "retry: negative budget", parse: parseRetry, raw: { budget: -1 }, problem: /budget/, member: ["budget"] },
  { name: "retry: backoff not an object", parse: parseRetry, raw: { backoff: 100 }, problem: /backoff/, member: ["backoff"] },
  { name: "retry: negative initial-ms", parse: parseRetry, raw: { backoff: { "initial-ms": -5 } }, problem: /initial-ms/, member: ["backoff", "initial-ms"] },
  { name: "retry: max-ms below initial-ms", parse: parseRetry, raw: { backoff: { "initial-ms": 500, "max-ms": 100 } }, problem: /max-ms below/, member: ["backoff", "max-ms"] },
  { name: "idempotency key: a header", parse: parseIdempotencyKey, raw: "X-Request-Id", value: "X-Request-Id" },
  { name: "idempotency key: true is the IETF header", parse: parseIdempotencyKey, raw: true, value: "Idempotency-Key" },
  { name: "idempotency key: blank", parse: parseIdempotencyKey, raw: " ", problem: /header name/ },
  { name: "idempotency key: false", parse: parseIdempotencyKey, raw: false, problem: /header name/ },
  { name: "dead letter: an address", parse: parseDeadLetter, raw: "orders.dlq", value: "orders.dlq" },
  { name: "dead letter: a $ref", parse: parseDeadLetter, raw: { $ref: "#/channels/dead" }, value: "#/channels/dead" },
  { name: "dead letter: a number", parse: parseDeadLetter, raw: 7, problem: /not a channel/ },
  { name: "dead letter: an object without $ref", parse: parseDeadLetter, raw: { address: "x" }, problem: /not a channel/ },
  { name: "business key: a property", parse: parseBusinessKey, raw: "orderId", value: "orderId" },
  { name: "business key: empty", parse: parseBusinessKey, raw: "", problem: /payload property/ },
  { name: "business key: a list", parse: parseBusinessKey, raw: ["a", "b"], problem: /payload property/ },
  { name: "slo: a fraction", parse: parseSlo, raw: { "latency-p99-ms": 300, "error-budget": 0.001 }, value: { latencyP99Ms: 300, errorBudget: 0.001 } },
  { name: "slo: a percentage", parse: parseSlo, raw: { "latency-p99-ms": 300, "error-budget": "0.1%" }, value: { latencyP99Ms: 300, errorBudget: 0.001 } },
  { name: "slo: not an object", parse: parseSlo, raw: "fast", problem: /not an object/, member: [] },
  { name: "slo: no latency", parse: parseSlo, raw: { "error-budget": 0.1 }, problem: /latency-p99-ms/, member: [] },
  { name: "slo: a zero latency, at the latency", parse: parseSlo, raw: { "latency-p99-ms": 0, "error-budget": 0.1 }, problem: /latency-p99-ms/, member: ["latency-p99-ms"] },
  { name: "slo: a budget of 5, at the budget", parse: parseSlo, raw: { "latency-p99-ms": 10, "error-budget": 5 }, problem: /error-budget/, member: ["error-budget"] },
  { name: "enum fallback: one of the values", parse: (raw) => parseEnumFallback({ enum: ["a", "unknown"], "x-charter-enum-fallback": raw }), raw: "unknown", value: "unknown" },
  { name: "enum fallback: not one of the values", parse: (raw) => parseEnumFallback({ enum: ["a"], "x-charter-enum-fallback": raw }), raw: "other", problem: /not one of the enum's values/ },
  { name: "enum fallback: no enum", parse: (raw) => parseEnumFallback({ type: "string", "x-charter-enum-fallback": raw }), raw: "a", problem: /without an enum/ },
];

describe("x-charter-* value parsers", () => {
  for (const row of rows) {
    it(row.name, () => {
      const parsed = row.parse(row.raw);
      if (row.problem) {
        assert.ok("problem" in parsed, `parsed as ${JSON.stringify(parsed)}`);
        assert.match(parsed.problem, row.problem);
        if (row.member) assert.deepEqual(parsed.member ?? [], row.member);
      } else {
        assert.ok("value" in parsed, JSON.stringify(parsed));
        assert.deepEqual(parsed.value, row.value);
      }
    });
  }
});

const scope = (value: Record<string, unknown>, pointer: string): Scope => ({ value, at: { file: "api.yaml", pointer } });

describe("an element's extensions, read into one value with located problems", () => {
  const root = (extra: Record<string, unknown> = {}) => scope({ info: { title: "T", "x-charter-slo": { "latency-p99-ms": 300, "error-budget": 0.01 } }, ...extra }, "");
  const pathItem = (extra: Record<string, unknown> = {}) => scope(extra, "/paths/~1orders");
  const operation = (extra: Record<string, unknown> = {}) => scope(extra, "/paths/~1orders/post");

  it("takes the innermost declaration: operation, then path item, then the document (info for the SLO)", () => {
    const ext = operationExtensions({
      operation: operation({ "x-charter-timeout": "2s" }),
      pathItem: pathItem({ "x-charter-timeout": "9s", "x-charter-retry": { attempts: 5 } }),
      root: root({ "x-charter-retry": { attempts: 1, budget: 0.2 } }),
      headers: [],
    });
    assert.deepEqual(ext.timeout, { value: 2000, at: { file: "api.yaml", pointer: "/paths/~1orders/post/x-charter-timeout" } });
    assert.deepEqual(ext.retry?.at.pointer, "/paths/~1orders/x-charter-retry");
    assert.deepEqual(ext.retryBudget, { value: 0.2, at: { file: "api.yaml", pointer: "/x-charter-retry/budget" } });
    assert.equal(ext.slo?.at.pointer, "/info/x-charter-slo");
    assert.deepEqual(ext.problems, []);
    assert.deepEqual(operationPolicy(ext), { timeoutMs: 2000, retry: { attempts: 5, initialMs: 100, maxMs: 2000, maxDeliver: 5 } });
  });

  it("an unreadable value is a problem at its pointer, and the default applies (an outer declaration does not)", () => {
    const ext = operationExtensions({
      operation: operation({ "x-charter-timeout": "soon", "x-charter-retry": { backoff: { "max-ms": -1 } }, "x-charter-slo": { "latency-p99-ms": 1, "error-budget": 2 } }),
      pathItem: pathItem({ "x-charter-timeout": "9s" }),
      root: root(),
      headers: [],
    });
    assert.equal(ext.timeout, undefined);
    assert.equal(ext.slo, undefined);
    assert.deepEqual(ext.problems.map((p) => [p.key, p.at.pointer]), [
      ["x-charter-timeout", "/paths/~1orders/post/x-charter-timeout"],
      ["x-charter-retry", "/paths/~1orders/post/x-charter-retry/backoff/max-ms"],
      ["x-charter-slo", "/paths/~1orders/post/x-charter-slo/error-budget"],
    ]);
    assert.deepEqual(operationPolicy(ext), { timeoutMs: 10_000, retry: { attempts: 3, initialMs: 100, maxMs: 2000, maxDeliver: 5 } });
  });

  it("an Idempotency-Key header parameter (any case) declares the key; the extension wins over it", () => {
    const header = { name: "idempotency-key", at: { file: "api.yaml", pointer: "/components/parameters/Key" } };
    assert.deepEqual(operationExtensions({ operation: operation(), pathItem: pathItem(), root: root(), headers: [header] }).idempotencyKey, { value: "idempotency-key", at: header.at });
    const declared = operationExtensions({ operation: operation({ "x-charter-idempotency-key": "X-Request-Id" }), pathItem: pathItem(), root: root(), headers: [header] });
    assert.equal(declared.idempotencyKey?.value, "X-Request-Id");
    const broken = operationExtensions({ operation: operation({ "x-charter-idempotency-key": 5 }), pathItem: pathItem(), root: root(), headers: [] });
    assert.deepEqual(broken.problems.map((p) => p.at.pointer), ["/paths/~1orders/post/x-charter-idempotency-key"]);
  });

  it("a dead-letter channel is resolved to its address, and one the document lacks is a problem", () => {
    const channels = [{ id: "paid", address: "order.paid.v1" }, { id: "dead", address: "billing.dlq.v1" }];
    const consumer = (value: unknown) =>
      eventOperationExtensions({ operation: scope({ "x-charter-dead-letter": value }, "/operations/onPaid"), channel: scope({}, "/channels/paid"), root: scope({}, ""), channels });
    assert.deepEqual(consumer({ $ref: "#/channels/dead" }).deadLetter?.value, { reference: "#/channels/dead", address: "billing.dlq.v1" });
    assert.equal(consumerPolicy(consumer("dead"), "order.paid.v1").deadLetter, "billing.dlq.v1");
    const missing = consumer("nowhere");
    assert.deepEqual(missing.problems.map((p) => [p.message, p.at.pointer]), [['names "nowhere", which is not a channel of this document', "/operations/onPaid/x-charter-dead-letter"]]);
    const silent = eventOperationExtensions({ operation: scope({}, "/operations/onPaid"), root: scope({}, ""), channels });
    assert.deepEqual(consumerPolicy(silent, "order.paid.v1"), { deadLetter: "order.paid.v1.dlq", retry: { attempts: 3, initialMs: 100, maxMs: 2000, maxDeliver: 5 } });
  });

  it("a message's enum fallbacks are found by property path through $refs", () => {
    const text = [
      "components:",
      "  schemas:",
      "    Status: { type: string, enum: [paid, refunded, unknown], x-charter-enum-fallback: unknown }",
      "    Order:",
      "      type: object",
      "      properties:",
      "        status: { $ref: '#/components/schemas/Status' }",
      "        lines: { type: array, items: { type: object, properties: { kind: { enum: [a, b], x-charter-enum-fallback: a } } } }",
      "        broken: { enum: [x], x-charter-enum-fallback: y }",
      "",
    ].join("\n");
    const schemas = createSchemaSource(new Map([["events.yaml", text]]), "");
    const ext = messageExtensions(scope({ "x-charter-business-key": "orderId" }, "/components/messages/Paid"), { file: "events.yaml", pointer: "/components/schemas/Order" }, schemas);
    assert.equal(ext.businessKey?.value, "orderId");
    const fallbacks = ext.enumFallbacks();
    assert.deepEqual([...fallbacks.keys()], ["status", "lines/*/kind"]);
    assert.deepEqual(fallbacks.get("status"), { value: "unknown", at: { file: "events.yaml", pointer: "/components/schemas/Status/x-charter-enum-fallback" } });
  });
});
