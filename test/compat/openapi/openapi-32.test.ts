import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, tempTree } from "../../helpers/cli.js";
import { compileSdk } from "../../helpers/sdk.js";

/** OpenAPI 3.2 (2025): read by every command, checked against its own official schema, its new parts compared. */

const API = (status: string, info = 'info: { title: Orders, version: "1" }') => `openapi: 3.2.0
$self: https://example.com/orders.openapi.yaml
${info}
tags:
  - { name: orders, summary: Orders, kind: nav }
paths:
  /orders:
    get:
      operationId: listOrders
      tags: [orders]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Order" }
        "404": { description: none }
    query:
      operationId: searchOrders
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { q: { type: string } } }
      responses:
        "200":
          description: a stream of orders
          content:
            application/jsonl:
              itemSchema: { $ref: "#/components/schemas/Order" }
        "404": { description: none }
components:
  schemas:
    Order:
      type: object
      required: [id]
      properties:
        id: { type: string }
        status: { type: string, enum: [${status}] }
`;

const V1 = { "old/orders.openapi.yaml": API("open, closed"), "new/orders.openapi.yaml": API("open") };

interface Row {
  name: string;
  files: Record<string, string>;
  args: string[];
  status: number;
  /** What the command's stdout (or stderr, for a refusal) must hold. */
  shows: RegExp;
}

const rows: Row[] = [
  { name: "lint reads it, the query operation included", files: V1, args: ["lint", "new"], status: 0, shows: /operation-timeout QUERY \/orders/ },
  {
    name: "lint checks it against the official 3.2 schema",
    files: { "new/orders.openapi.yaml": API("open", "info: { title: Orders }") },
    args: ["lint", "new"], status: 1, shows: /error oas3-schema .*not valid OpenAPI 3\.2: #\/info must have required property 'version'/,
  },
  {
    name: "breaking compares it: an item schema of a stream and a query operation reach the changed component",
    files: V1, args: ["breaking", "new", "--against", "old"], status: 0,
    shows: /response-property-enum-value-removed .*in 2 operations: GET \/orders, QUERY \/orders\) \[backward compatible, forward breaking\]/,
  },
  {
    name: "breaking judges a schema violation of 3.2 as a warning and still compares",
    files: { "old/orders.openapi.yaml": API("open, closed"), "new/orders.openapi.yaml": API("open", "info: { title: Orders }") },
    args: ["breaking", "new", "--against", "old"], status: 0, shows: /warning oas3-schema[\s\S]*response-property-enum-value-removed/,
  },
  { name: "check runs both", files: V1, args: ["check", "new", "--against", "old"], status: 0, shows: /slo-required QUERY \/orders[\s\S]*response-property-enum-value-removed/ },
  { name: "generate writes an SDK", files: V1, args: ["generate", "new", "--out", "sdk"], status: 0, shows: /wrote \d+ files to sdk/ },
  { name: "docs builds the site", files: V1, args: ["docs", "new", "--out", "site"], status: 0, shows: /wrote \d+ pages to site/ },
  {
    name: "a version after 3.2 is still refused where it is declared",
    files: { "new/orders.openapi.yaml": API("open").replace("openapi: 3.2.0", "openapi: 3.3.0") },
    args: ["lint", "new"], status: 2, shows: /new\/orders\.openapi\.yaml:1:10: unsupported OpenAPI version "3\.3\.0": expected 3\.0\.x, 3\.1\.x or 3\.2\.x/,
  },
];

describe("OpenAPI 3.2 in every command", () => {
  for (const row of rows) {
    it(row.name, () => {
      const dir = tempTree(row.files);
      const run = charter(row.args, dir);
      assert.equal(run.status, row.status, `${run.stdout}${run.stderr}`);
      assert.match(row.status === 2 ? run.stderr : `${run.stdout}${run.stderr}`, row.shows);
      if (row.args[0] === "docs") {
        const page = readFileSync(join(dir, "site", "contracts", "openapi-orders-openapi-yaml.html"), "utf8");
        assert.match(page, /searchOrders/, "the query operation has its place on the page");
      }
      if (row.args[0] === "generate") {
        const files = new Map(readdirSync(join(dir, "sdk"), { recursive: true, encoding: "utf8" })
          .filter((path) => statSync(join(dir, "sdk", path)).isFile()).map((path) => [path, readFileSync(join(dir, "sdk", path), "utf8")]));
        const compiled = compileSdk(files);
        assert.equal(compiled.status, 0, compiled.output);
        // openapi-typescript types no `query` operation yet: the client offers the ones it can type.
        assert.match(files.get(join("orders", "client.ts"))!, /listOrders\(/);
      }
    });
  }
});
