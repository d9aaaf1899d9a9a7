import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import type { Report } from "../../src/report/report.js";
import { ROOT } from "../helpers/cli.js";
import { startPrism } from "../helpers/prism.js";
import { charterAsync, stopMock } from "../helpers/mock.js";

/**
 * `charter verify` against Prism (@stoplight/prism-cli) serving the example registry's orders
 * contract, in both of Prism's modes. Every finding is triaged: a body of Prism's that breaks its
 * schema is Prism's fault, and the test finds each such break on its own, with a validator compiled
 * from the document as written (nothing of charter's), so charter must report exactly those. (Prism
 * 5.14.2 does not finish reading the 2020 Stripe spec that charter mock serves in verify.test.ts:
 * over 9 CPU minutes, see bench/verify.)
 */
const SPEC = join(ROOT, "contracts/orders/orders.openapi.yaml");

/** Prism's answers to valid requests for both operations, and where an independent validator finds them broken. */
async function independentBreaks(url: string): Promise<string[]> {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ ...parse(readFileSync(SPEC, "utf8")), $id: "orders" });
  const order = ajv.compile({ $ref: "orders#/components/schemas/Order" });
  const breaks: string[] = [];
  const read = await fetch(`${url}/orders/o-1`);
  const placed = await fetch(`${url}/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "k-1" },
    body: JSON.stringify({ userId: "u-1", items: [{ itemId: "i-1", quantity: 2 }], currency: "EUR" }),
  });
  for (const [label, answer] of [["GET /orders/{orderId} 200", read], ["POST /orders 201", placed]] as const) {
    assert.ok(answer.ok, `${label}: ${answer.status}`);
    if (!order(await answer.json())) breaks.push(...order.errors!.map((e) => `${label} #${e.instancePath}`));
  }
  return breaks.sort();
}

async function verifyFindings(url: string): Promise<Report["findings"]> {
  const run = await charterAsync(["verify", "contracts", "--target", `shop.orders.v1=${url}`, "--allow-unsafe", "--format", "json"]);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return (JSON.parse(run.stdout) as Report).findings;
}

describe("charter verify against Prism serving the example registry", () => {
  it("in static mode reports exactly the breaks of Prism's bodies an independent validator finds", async () => {
    const prism = await startPrism(SPEC);
    try {
      const findings = await verifyFindings(prism.url);
      const breaks = await independentBreaks(prism.url);
      // Prism's static bodies write "string" for every string, whatever its pattern: Prism's fault.
      assert.deepEqual(breaks, ["GET /orders/{orderId} 200 #/currency", "POST /orders 201 #/currency"]);
      assert.deepEqual(findings.map((f) => f.rule), ["response-body-invalid", "response-body-invalid"]);
      // The fingerprint ends with the operation, the status and the JSON pointer.
      assert.deepEqual(findings.map((f) => f.fingerprint!.replace(/^response-body-invalid:shop\.orders\.v1:/, "")).sort(), breaks);
    } finally {
      await stopMock(prism.child);
    }
  });

  it("in dynamic mode, seeded, finds nothing, and the independent validator agrees", async () => {
    const prism = await startPrism(SPEC, true);
    try {
      assert.deepEqual(await verifyFindings(prism.url), []);
      assert.deepEqual(await independentBreaks(prism.url), []);
    } finally {
      await stopMock(prism.child);
    }
  });
});
