import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import { formatJson } from "../../src/report/json.js";
import { ROOT } from "../helpers/cli.js";
import { lint, lintTable } from "./helpers.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

const SCHEMA = (extra = "") => `{\n  "$id": "https://schemas.shop.example/refund.v1.json",\n  "type": "object"${extra}\n}\n`;

describe("the lint report and JSON Schema contracts", () => {
  lintTable([
    { name: "owner-required: a JSON Schema without an owner", files: { "refund.schema.json": SCHEMA() }, rule: "owner-required", count: 1, line: 1 },
    { name: "owner-required: a JSON Schema's x-charter-owner", files: { "refund.schema.json": SCHEMA(',\n  "x-charter-owner": "team-payments"') }, rule: "owner-required", count: 0 },
    { name: "sunset-required: a malformed date", files: { "refund.schema.json": SCHEMA(',\n  "deprecated": true,\n  "x-sunset": "next year"') }, rule: "sunset-required", count: 1, line: 5, message: /not YYYY-MM-DD/ },
  ]);

  it("is a full report: no against, contracts unchanged with their modes, passed false on a lint error", async () => {
    const report = await lint({
      // owner-required is a warning by default (README); this registry makes it an error.
      "charter.yaml": "version: 1\ncontracts:\n  \"payments/**\": { compatibility: BACKWARD }\nlint:\n  rules: { owner-required: error }\n",
      "payments/refund.schema.json": SCHEMA(),
      // In the folder its package names, as buf's default PACKAGE_DIRECTORY_MATCH asks.
      "shop/catalog/v1/catalog.proto": `syntax = "proto3";\npackage shop.catalog.v1;\n// charter:owner team-catalog\nmessage Item {\n  string id = 1;\n}\n`,
    });
    const json = JSON.parse(formatJson(report)) as unknown;
    assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
    assert.deepEqual(report.against, []);
    assert.deepEqual(report.contracts.map(({ id, kind, change, mode, backward, forward, passed }) => ({ id, kind, change, mode, backward, forward, passed })), [
      { id: "shop.catalog.v1", kind: "proto", change: "unchanged", mode: "FULL", backward: "compatible", forward: "compatible", passed: true },
      { id: "https://schemas.shop.example/refund.v1.json", kind: "jsonschema", change: "unchanged", mode: "BACKWARD", backward: "compatible", forward: "compatible", passed: false },
    ]);
    const [owner] = report.findings;
    assert.deepEqual(
      { category: owner.category, rule: owner.rule, severity: owner.severity, location: owner.location, fingerprint: owner.fingerprint, verdicts: "backward" in owner || "forward" in owner },
      { category: "lint", rule: "owner-required", severity: "error", location: { file: "payments/refund.schema.json", line: 1, column: 1 }, fingerprint: "owner-required:https://schemas.shop.example/refund.v1.json:https://schemas.shop.example/refund.v1.json", verdicts: false },
    );
    assert.equal(report.summary.passed, false);
  });
});
