import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import type { Report } from "../../../src/report/report.js";
import { charter, ROOT, tempTree } from "../../helpers/cli.js";

/** A spec renamed or moved without `x-charter-id`: paired with its old version, compared, and the pairing said. */

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

const API = (title: string, paths: string[], idType = "string") => `openapi: 3.0.3
info: { title: ${title}, version: "1" }
paths:
${paths.map((path) => `  ${path}:
    get:
      parameters:
        - { in: query, name: id, schema: { type: ${idType} } }
      responses:
        "200": { description: ok }
`).join("")}`;

const ORDERS = ["/orders", "/orders/{id}", "/orders/{id}/items", "/orders/{id}/refunds"];

interface Row {
  name: string;
  old: Record<string, string>;
  new: Record<string, string>;
  /** The distinct [rule, contract, backward, forward] of the findings. */
  findings: [string, string, string, string][];
  /** The moved finding says why the two were paired. */
  reason?: RegExp;
  contracts: [string, string][];
  status: number;
}

const rows: Row[] = [
  {
    name: "renamed, same title: paired by title and compared (the changed parameter type is found)",
    old: { "reg/orders.yaml": API("Orders", ORDERS) },
    new: { "reg/orders-api.yaml": API("Orders", ORDERS, "integer"), "reg/other.yaml": API("Other", ["/other"]) },
    findings: [
      ["contract-added", "other.yaml", "compatible", "conditional"],
      ["contract-moved", "orders-api.yaml", "compatible", "compatible"],
      ["request-parameter-type-changed", "orders-api.yaml", "breaking", "breaking"],
    ],
    reason: /"orders\.yaml" became "orders-api\.yaml" .*paired by the same title "Orders"/,
    contracts: [["orders-api.yaml", "modified"], ["other.yaml", "added"]],
    status: 1,
  },
  {
    name: "moved to another folder and retitled: paired by its operations in common, a removed one reported",
    old: { "reg/orders.yaml": API("Orders", ORDERS) },
    new: { "reg/shop/orders.yaml": API("Shop orders", ORDERS.slice(0, 3)), "reg/other.yaml": API("Other", ["/other"]) },
    findings: [
      ["contract-added", "other.yaml", "compatible", "conditional"],
      ["contract-moved", "shop/orders.yaml", "compatible", "compatible"],
      ["api-path-removed-without-deprecation", "shop/orders.yaml", "breaking", "compatible"],
    ],
    reason: /paired by 3 of 4 operations in common/,
    contracts: [["other.yaml", "added"], ["shop/orders.yaml", "modified"]],
    status: 1,
  },
  {
    name: "moved unchanged: one info finding, the contract unchanged, the gate passes",
    old: { "reg/orders.yaml": API("Orders", ORDERS), "reg/b.yaml": API("B", ["/b"]) },
    new: { "reg/v1/orders.yaml": API("Orders", ORDERS), "reg/b.yaml": API("B", ["/b"]) },
    findings: [["contract-moved", "v1/orders.yaml", "compatible", "compatible"]],
    reason: /paired by the same title "Orders"/,
    contracts: [["b.yaml", "unchanged"], ["v1/orders.yaml", "unchanged"]],
    status: 0,
  },
  {
    name: "a different API in its place (another title, few operations in common): still removed and added",
    old: { "reg/orders.yaml": API("Orders", ORDERS), "reg/b.yaml": API("B", ["/b"]) },
    new: { "reg/users.yaml": API("Users", ["/users", "/users/{id}", "/orders"]), "reg/b.yaml": API("B", ["/b"]) },
    findings: [
      ["contract-removed", "orders.yaml", "breaking", "compatible"],
      ["contract-added", "users.yaml", "compatible", "conditional"],
    ],
    contracts: [["b.yaml", "unchanged"], ["orders.yaml", "removed"], ["users.yaml", "added"]],
    status: 1,
  },
];

describe("a spec renamed or moved without x-charter-id", () => {
  for (const row of rows) {
    it(row.name, () => {
      const dir = tempTree({ ...Object.fromEntries(Object.entries(row.old).map(([p, t]) => [p.replace(/^reg/, "old"), t])), ...Object.fromEntries(Object.entries(row.new).map(([p, t]) => [p.replace(/^reg/, "new"), t])) });
      const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
      assert.equal(run.status, row.status, run.stderr);
      const report = JSON.parse(run.stdout) as Report;
      assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
      const distinct = [...new Set(report.findings.map((f) => JSON.stringify([f.rule, f.contract, f.backward, f.forward])))].map((f) => JSON.parse(f));
      assert.deepEqual(distinct.sort(), row.findings.sort());
      assert.deepEqual(report.contracts.map((c) => [c.id, c.change]), row.contracts);
      const moved = report.findings.find((f) => f.rule === "contract-moved");
      if (row.reason) {
        assert.match(moved!.message, row.reason);
        assert.equal(moved!.severity, "info");
        assert.equal(moved!.location?.file, `new/${moved!.contract}`);
      }
    });
  }
});
