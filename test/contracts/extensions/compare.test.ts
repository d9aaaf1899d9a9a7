import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asyncApiDocument } from "../../../src/contracts/asyncapi/document.js";
import { openApiDocument } from "../../../src/contracts/openapi/document.js";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";
import { compareAsyncApi } from "../../../src/compat/asyncapi/compare.js";
import type { Change } from "../../../src/compat/finding.js";
import { compareOpenApi } from "../../../src/compat/openapi/compare.js";
import { EXTENSION_RULES } from "../../../src/rules/catalog/extensions.js";

const RULES = new Set<string>(EXTENSION_RULES.map((r) => r.id));

/** The extension findings between two versions of one document, through the whole comparison of its kind. */
function compare(kind: "openapi" | "asyncapi", before: string, after: string): Change[] {
  const load = (text: string) => {
    const schemas = createSchemaSource(new Map([["api.yaml", text]]), "");
    const source = schemas.source("api.yaml")!;
    return { document: kind === "openapi" ? openApiDocument("api.yaml", source) : asyncApiDocument("api.yaml", text, source), schemas };
  };
  const changes = kind === "openapi"
    ? compareOpenApi(load(before) as never, load(after) as never, { today: new Date("2025-06-01T00:00:00Z") })
    : compareAsyncApi(load(before) as never, load(after) as never);
  return changes.filter((c) => RULES.has(c.rule));
}

type Expected = [rule: string, backward: string, forward: string];

interface Row {
  name: string;
  kind: "openapi" | "asyncapi";
  before: string;
  after: string;
  /** The findings from before to after, and from after to before. */
  forth: Expected[];
  back: Expected[];
  /** Text on the line of `after` where the first finding from before to after points (the new declaration, or the element). */
  at?: string;
}

/** An OpenAPI document: lines at the root, on the POST operation, and its parameters. */
const api = ({ root = "", op = "", info = "" } = {}) =>
  `openapi: 3.1.0\ninfo: { title: T, version: 1.0.0${info} }\n${root}paths:\n  /orders:\n    post:\n${op}      responses: { "201": { description: OK } }\n`;

/** An AsyncAPI document: lines on the channel, its message, and the receive operation on it. */
const events = ({ channel = "", message = "", status = "", op = "" } = {}) => `asyncapi: 3.0.0
info: { title: T, version: 1.0.0 }
channels:
  paid:
    address: order.paid.v1
${channel}    messages:
      paid:
${message}        payload:
          type: object
          properties:
            orderId: { type: string }
            customerId: { type: string }
            status: { type: string, enum: [paid, unknown, other]${status} }
  dead:
    address: billing.dlq.v1
  parked:
    address: billing.parked.v1
operations:
  onPaid:
    action: receive
    channel: { $ref: "#/channels/paid" }
${op}`;

const C = "compatible";
const K = "conditional";
const B = "breaking";

const rows: Row[] = [
  {
    name: "a tighter timeout", kind: "openapi",
    before: api({ op: "      x-charter-timeout: 2s\n" }), after: api({ op: "      x-charter-timeout: 500ms\n" }),
    forth: [["api-timeout-decreased", C, K]], back: [["api-timeout-increased", K, C]], at: "x-charter-timeout",
  },
  {
    name: "a timeout dropped for the 10 s default", kind: "openapi",
    before: api({ root: "x-charter-timeout: 5s\n" }), after: api(),
    forth: [["api-timeout-increased", K, C]], back: [], at: "post:",
  },
  {
    name: "first declarations are no findings, as the old version promised nothing", kind: "openapi",
    before: api(), after: api({ root: "x-charter-timeout: 5s\nx-charter-retry: { attempts: 1, budget: 0.5 }\n", info: ", x-charter-slo: { latency-p99-ms: 300, error-budget: 0.01 }" }),
    forth: [], back: [["api-timeout-increased", K, C], ["api-retry-attempts-increased", C, K], ["api-retry-budget-decreased", K, C], ["api-slo-loosened", K, C]],
  },
  {
    name: "fewer retry attempts", kind: "openapi",
    before: api({ op: "      x-charter-retry: { attempts: 3 }\n" }), after: api({ op: "      x-charter-retry: { attempts: 1 }\n" }),
    forth: [["api-retry-attempts-decreased", K, C]], back: [["api-retry-attempts-increased", C, K]],
  },
  {
    name: "a smaller retry budget", kind: "openapi",
    before: api({ root: "x-charter-retry: { budget: 0.2 }\n" }), after: api({ root: "x-charter-retry: { budget: 0.05 }\n" }),
    forth: [["api-retry-budget-decreased", K, C]], back: [["api-retry-budget-increased", C, K]],
  },
  {
    name: "a removed idempotency key", kind: "openapi",
    before: api({ op: "      x-charter-idempotency-key: X-Request-Id\n" }), after: api(),
    forth: [["api-idempotency-key-removed", B, C]], back: [["api-idempotency-key-added", C, K]], at: "post:",
  },
  {
    name: "an idempotency key moved to another header", kind: "openapi",
    before: api({ op: "      x-charter-idempotency-key: X-Request-Id\n" }), after: api({ op: "      x-charter-idempotency-key: true\n" }),
    forth: [["api-idempotency-key-changed", B, B]], back: [["api-idempotency-key-changed", B, B]], at: "x-charter-idempotency-key",
  },
  {
    name: "an SLO with a lower p99", kind: "openapi",
    before: api({ info: ", x-charter-slo: { latency-p99-ms: 300, error-budget: 0.01 }" }), after: api({ op: "      x-charter-slo: { latency-p99-ms: 200, error-budget: 0.01 }\n", info: ", x-charter-slo: { latency-p99-ms: 300, error-budget: 0.01 }" }),
    forth: [["api-slo-tightened", C, K]], back: [["api-slo-loosened", K, C]], at: "      x-charter-slo",
  },
  {
    name: "an SLO dropped", kind: "openapi",
    before: api({ info: ", x-charter-slo: { latency-p99-ms: 300, error-budget: 0.01 }" }), after: api(),
    forth: [["api-slo-loosened", K, C]], back: [],
  },
  {
    name: "OpenAPI: nothing moved (a header's case, a declaration moved to the root with its value)", kind: "openapi",
    before: api({ op: "      x-charter-idempotency-key: X-Request-Id\n      x-charter-timeout: 2s\n      x-charter-retry: { attempts: 2 }\n" }),
    after: api({ root: "x-charter-timeout: 2000\n", op: "      x-charter-idempotency-key: x-request-id\n      x-charter-retry: { attempts: 2, backoff: { initial-ms: 50 } }\n" }),
    forth: [], back: [],
  },
  {
    name: "a dead-letter channel changed", kind: "asyncapi",
    before: events({ op: "    x-charter-dead-letter: { $ref: \"#/channels/dead\" }\n" }), after: events({ op: "    x-charter-dead-letter: parked\n" }),
    forth: [["operation-dead-letter-changed", K, B]], back: [["operation-dead-letter-changed", K, B]], at: "x-charter-dead-letter",
  },
  {
    name: "a dead-letter channel removed (dead letters go to <channel>.dlq)", kind: "asyncapi",
    before: events({ op: "    x-charter-dead-letter: dead\n" }), after: events(),
    forth: [["operation-dead-letter-changed", K, B]], back: [],
  },
  {
    name: "fewer deliveries before dead-lettering", kind: "asyncapi",
    before: events({ channel: "    x-charter-retry: { max-deliver: 5 }\n" }), after: events({ op: "    x-charter-retry: { attempts: 1, max-deliver: 2 }\n" }),
    forth: [["operation-retry-decreased", K, C]], back: [],
  },
  {
    name: "a channel SLO tightened", kind: "asyncapi",
    before: events({ channel: "    x-charter-slo: { latency-p99-ms: 500, error-budget: \"1%\" }\n" }), after: events({ channel: "    x-charter-slo: { latency-p99-ms: 500, error-budget: \"0.1%\" }\n" }),
    forth: [["channel-slo-tightened", K, C]], back: [["channel-slo-loosened", C, K]], at: "x-charter-slo",
  },
  {
    name: "a business key changed", kind: "asyncapi",
    before: events({ message: "        x-charter-business-key: orderId\n" }), after: events({ message: "        x-charter-business-key: customerId\n" }),
    forth: [["message-business-key-changed", B, B]], back: [["message-business-key-changed", B, B]], at: "x-charter-business-key",
  },
  {
    name: "a business key removed", kind: "asyncapi",
    before: events({ message: "        x-charter-business-key: orderId\n" }), after: events(),
    forth: [["message-business-key-removed", C, B]], back: [],
  },
  {
    name: "an enum fallback removed", kind: "asyncapi",
    before: events({ status: ", x-charter-enum-fallback: unknown" }), after: events(),
    forth: [["message-enum-fallback-removed", K, C]], back: [],
  },
  {
    name: "an enum fallback changed", kind: "asyncapi",
    before: events({ status: ", x-charter-enum-fallback: unknown" }), after: events({ status: ", x-charter-enum-fallback: other" }),
    forth: [["message-enum-fallback-changed", K, K]], back: [["message-enum-fallback-changed", K, K]], at: "x-charter-enum-fallback",
  },
  {
    name: "AsyncAPI: nothing moved", kind: "asyncapi",
    before: events({ channel: "    x-charter-slo: { latency-p99-ms: 500, error-budget: 0.01 }\n", message: "        x-charter-business-key: orderId\n", status: ", x-charter-enum-fallback: unknown", op: "    x-charter-dead-letter: dead\n" }),
    after: events({ channel: "    x-charter-slo: { latency-p99-ms: 500, error-budget: \"1%\" }\n", message: "        x-charter-business-key: orderId\n", status: ", x-charter-enum-fallback: unknown", op: "    x-charter-dead-letter: billing.dlq.v1\n" }),
    forth: [], back: [],
  },
];

/** 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((line) => line.includes(needle)) + 1;

const verdicts = (changes: Change[]): Expected[] => changes.map((c) => [c.rule, c.backward, c.forward]);

describe("x-charter-* extensions compared between versions", () => {
  for (const row of rows) {
    it(`${row.name} (${row.kind})`, () => {
      const forth = compare(row.kind, row.before, row.after);
      assert.deepEqual(verdicts(forth), row.forth, forth.map((c) => c.message).join("\n"));
      assert.deepEqual(verdicts(compare(row.kind, row.after, row.before)), row.back);
      if (row.at !== undefined) assert.equal(forth[0].location?.line, lineOf(row.after, row.at), forth[0].message);
      for (const change of forth) assert.ok(change.before, `${change.rule} points into the old version`);
    });
  }

  it("names the figures that moved", () => {
    const [timeout] = compare("openapi", api({ op: "      x-charter-timeout: 30s\n" }), api());
    assert.equal(timeout.message, "Operation POST /orders timeout went from 30s to 10s (the default).");
    const [retry] = compare("asyncapi", events({ channel: "    x-charter-retry: { max-deliver: 5 }\n" }), events({ op: "    x-charter-retry: { attempts: 1, max-deliver: 2 }\n" }));
    assert.equal(retry.message, 'Operation "onPaid" deliveries (max-deliver) went from 5 to 2; messages are dead-lettered sooner.');
    const [key] = compare("asyncapi", events({ message: "        x-charter-business-key: orderId\n" }), events({ message: "        x-charter-business-key: customerId\n" }));
    assert.match(key.message, /^Message "paid" on channel "order.paid.v1" business key changed from orderId to customerId/);
  });

  it("every rule the comparison emits is in the catalog, with a description and the resilience category", () => {
    for (const rule of EXTENSION_RULES) {
      assert.equal(rule.check, "breaking");
      assert.equal(rule.category, "resilience");
      assert.ok(rule.description.length > 40, rule.id);
    }
    assert.equal(new Set(EXTENSION_RULES.map((r) => r.id)).size, EXTENSION_RULES.length);
  });
});
