import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import type { Report } from "../../src/report/report.js";
import { charter, ROOT, tempTree } from "../helpers/cli.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

/** Every report a test reads is validated against the shipped schema first. */
function parseReport(stdout: string): Report {
  const json: unknown = JSON.parse(stdout);
  assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
  return json as Report;
}

/** A refund record whose note may hold `maxLength` characters. */
const refund = (maxLength: number) => `{
  "$id": "https://schemas.shop.example/payments/refund.v1.json",
  "type": "object",
  "required": ["refundId"],
  "properties": {
    "refundId": { "type": "string" },
    "note": { "type": "string", "maxLength": ${maxLength} }
  }
}
`;

/** Old data fits the longer limit (backward compatible); old readers refuse longer notes (forward breaking). */
const registries = () => tempTree({ "old/payments/refund.schema.json": refund(140), "new/payments/refund.schema.json": refund(280) });

describe("JSON Schema contracts through the CLI", () => {
  it("fails a forward-breaking change under the default FULL mode of data contracts", () => {
    const run = charter(["breaking", "new", "--against", "old", "--format", "json"], registries());
    assert.equal(run.status, 1, run.stderr);
    const report = parseReport(run.stdout);
    assert.deepEqual(report.contracts.map((c) => [c.id, c.kind, c.path, c.change, c.mode, c.backward, c.forward, c.passed]), [
      ["https://schemas.shop.example/payments/refund.v1.json", "jsonschema", "payments/refund.schema.json", "modified", "FULL", "compatible", "breaking", false],
    ]);
    assert.deepEqual(report.findings.map((f) => [f.rule, f.severity, f.message, f.location, f.fingerprint]), [[
      "max-length-increased",
      "error",
      "#/note: max length increased from 140 to 280.",
      { file: "new/payments/refund.schema.json", line: 7, column: 33 },
      "max-length-increased:https://schemas.shop.example/payments/refund.v1.json:#/note",
    ]]);
  });

  it("passes the same change under --mode BACKWARD, where only new readers of old data count", () => {
    const run = charter(["breaking", "new", "--against", "old", "--mode", "BACKWARD", "--format", "json"], registries());
    assert.equal(run.status, 0, run.stderr);
    const report = parseReport(run.stdout);
    assert.deepEqual(report.findings.map((f) => [f.rule, f.severity]), [["max-length-increased", "info"]]);
    assert.equal(report.summary.passed, true);
  });

  it("reads charter.yaml's strict per contract: an optional property added to an open model then breaks old data", () => {
    const order = (properties: string) => `$id: urn:shop:order\ntype: object\nproperties:\n  id: { type: string }\n${properties}`;
    const config = 'version: 1\ncontracts:\n  "orders/**": { strict: true }\n';
    const dir = tempTree({
      "old/orders/order.schema.yaml": order(""),
      "new/orders/order.schema.yaml": order("  note: { type: string }\n"),
      "new/charter.yaml": config,
    });
    const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(parseReport(run.stdout).findings.map((f) => [f.rule, f.backward, f.forward, f.severity]), [["property-added", "breaking", "compatible", "error"]]);
    const lenient = tempTree({ "old/orders/order.schema.yaml": order(""), "new/orders/order.schema.yaml": order("  note: { type: string }\n") });
    assert.equal(charter(["breaking", "new", "--against", "old"], lenient).status, 0);
  });

  it("exits 2 naming a remote $ref", () => {
    const text = '{\n  "type": "object",\n  "properties": { "a": { "$ref": "https://example.com/a.json" } }\n}\n';
    const run = charter(["breaking", "new", "--against", "old"], tempTree({ "old/a.schema.json": '{ "type": "object" }\n', "new/a.schema.json": text }));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^charter: new\/a\.schema\.json:3:\d+: remote \$ref "https:\/\/example\.com\/a\.json" is not followed/);
  });
});
