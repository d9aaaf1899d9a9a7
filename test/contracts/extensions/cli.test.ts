import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { charter, tempTree } from "../../helpers/cli.js";

const ORDERS = (operation: string) => `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
${operation}      responses: { "201": { description: Created } }
`;

const BILLING = (key: string) => `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  paid:
    address: order.paid.v1
    messages:
      paid:
        x-charter-business-key: ${key}
        payload: { type: object, properties: { orderId: { type: string }, invoiceId: { type: string } } }
`;

describe("charter breaking reports x-charter-* extension changes", () => {
  it("a removed idempotency key, a tighter timeout and a changed business key, each at file:line:col with its verdicts", () => {
    const dir = tempTree({
      "old/orders.openapi.yaml": ORDERS("      x-charter-idempotency-key: Idempotency-Key\n      x-charter-timeout: 5s\n"),
      "new/orders.openapi.yaml": ORDERS("      x-charter-timeout: 1s\n"),
      "old/billing.asyncapi.yaml": BILLING("orderId"),
      "new/billing.asyncapi.yaml": BILLING("invoiceId"),
    });
    const run = charter(["breaking", "new", "--against", "old"], dir);
    assert.equal(run.stderr, "");
    const lines = run.stdout.split("\n");
    const line = (rule: string) => lines.find((l) => l.includes(` ${rule} `)) ?? assert.fail(`no ${rule} in:\n${run.stdout}`);
    assert.match(line("api-idempotency-key-removed"), /^new\/orders\.openapi\.yaml:5:5 error api-idempotency-key-removed Operation POST \/orders no longer declares its idempotency key Idempotency-Key.* \[backward breaking, forward compatible\]$/);
    assert.match(line("api-timeout-decreased"), /^new\/orders\.openapi\.yaml:6:7 info api-timeout-decreased Operation POST \/orders timeout went from 5s to 1s\. \[backward compatible, forward conditional\]$/);
    assert.match(line("message-business-key-changed"), /^new\/billing\.asyncapi\.yaml:8:9 error message-business-key-changed .*from orderId to invoiceId.* \[backward breaking, forward breaking\]$/);
    assert.equal(run.status, 1, "a removed idempotency key breaks old clients of a BACKWARD API contract");
  });
});
