import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { charter, tempTree } from "../helpers/cli.js";

const API = (extra = "") => `openapi: 3.0.3
info:
  title: T
  version: "1"
paths:
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "${extra || "#/components/schemas/Thing"}"
components:
  schemas:
    Thing:
      type: object
`;

describe("OpenAPI input errors exit 2 with one line naming the place", () => {
  const cases = [
    { name: "Swagger 2.0", text: 'swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: {}\n', stderr: /^charter: new\/api\.yaml:1:1: Swagger 2\.0 is not supported/ },
    { name: "an unsupported version", text: "openapi: 4.0.0\ninfo: { title: T, version: '1' }\npaths: {}\n", stderr: /^charter: new\/api\.yaml:1:10: unsupported OpenAPI version "4\.0\.0"/ },
    { name: "a remote $ref", text: API("https://example.com/schemas.yaml#/Thing"), stderr: /^charter: new\/api\.yaml:14:17: remote \$ref "https:\/\/example\.com\/schemas\.yaml#\/Thing" is not followed/ },
    { name: "a $ref that leaves the registry", text: API("../../outside.yaml#/Thing"), stderr: /^charter: new\/api\.yaml:14:17: \$ref "\.\.\/\.\.\/outside\.yaml#\/Thing" leaves the registry\n$/ },
    { name: "a YAML syntax error", text: "openapi: 3.0.3\ninfo: [\n", stderr: /^charter: new\/api\.yaml:\d+:\d+: / },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = tempTree({ "new/api.yaml": c.text, "old/api.yaml": API() });
      const run = charter(["breaking", "new", "--against", "old"], dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, c.stderr);
    });
  }
});

describe("a document that parses but breaks the OpenAPI schema: a lint error, a breaking warning (still compared)", () => {
  const cases = [
    { name: "a missing info.version", text: API().replace('  version: "1"\n', ""), where: "new/api.yaml:3:3", message: "not valid OpenAPI 3.0: #/info must have required property 'version'" },
    { name: "a key OpenAPI does not know", text: `${API()}extras: 1\n`, where: "new/api.yaml:19:1", message: 'not valid OpenAPI 3.0: the document unexpected key "extras"' },
  ];
  type Report = { findings: { rule: string; category: string; severity: string; message: string; location: { file: string; line: number; column: number } }[] };
  const at = (f: Report["findings"][number]) => `${f.location.file}:${f.location.line}:${f.location.column}`;
  for (const c of cases) {
    it(c.name, () => {
      const dir = tempTree({ "new/api.yaml": c.text, "old/api.yaml": API() });
      const breaking = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
      assert.equal(breaking.status, 0, breaking.stderr);
      assert.equal(breaking.stderr, "");
      const warned = (JSON.parse(breaking.stdout) as Report).findings;
      assert.deepEqual(warned.map((f) => [f.rule, f.severity, at(f), f.message]), [["oas3-schema", "warning", c.where, c.message]]);
      const lint = charter(["lint", "new", "--format", "json"], dir);
      assert.equal(lint.status, 1, lint.stderr);
      const errors = (JSON.parse(lint.stdout) as Report).findings.filter((f) => f.rule === "oas3-schema");
      assert.deepEqual(errors.map((f) => [f.severity, at(f), f.message]), [["error", c.where, c.message]]);
    });
  }

  it("the breaking changes of such a document are still found", () => {
    const dir = tempTree({ "new/api.yaml": API().replace('  version: "1"\n', "").replace("  /things:", "  /others:"), "old/api.yaml": API() });
    const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
    assert.equal(run.status, 1, run.stderr);
    const rules = (JSON.parse(run.stdout) as Report).findings.map((f) => f.rule);
    assert.ok(rules.includes("oas3-schema") && rules.includes("api-path-removed-without-deprecation"), rules.join(" "));
  });
});

describe("single OpenAPI files", () => {
  it("follow $refs into the files beside them", () => {
    const shared = "Thing:\n  type: object\n  properties:\n    id: { type: string }\n";
    const dir = tempTree({ "api.yaml": API("./schemas.yaml#/Thing"), "schemas.yaml": shared, "old.yaml": API() });
    const run = charter(["breaking", "api.yaml", "--against", "old.yaml", "--format", "json"], dir);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { contracts: { id: string; kind: string; change: string }[] };
    assert.deepEqual(report.contracts.map((c) => [c.id, c.kind]), [["api.yaml", "openapi"]]);
  });
});

describe("OpenAPI contracts in the report", () => {
  const api = (betaMax: number, stableMax: number) => `openapi: 3.0.3
info: { title: T, version: "1", x-charter-id: shop.things.v1 }
paths:
  /beta:
    post:
      x-stability-level: beta
      requestBody:
        content:
          application/json:
            schema: { type: string, maxLength: ${betaMax} }
      responses: { "204": { description: ok } }
  /stable:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: string, maxLength: ${stableMax} }
      responses: { "204": { description: ok } }
`;

  it("gates stable operations and only reports unstable ones", () => {
    const dir = tempTree({ "new/api.yaml": api(5, 5), "old/api.yaml": api(10, 10) });
    const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { contracts: { id: string; kind: string }[]; findings: { rule: string; severity: string; backward: string; message: string; location: { line: number } }[] };
    assert.deepEqual(report.contracts.map((c) => [c.id, c.kind]), [["shop.things.v1", "openapi"]]);
    const narrowed = report.findings.filter((f) => f.rule === "request-body-max-length-decreased");
    assert.deepEqual(narrowed.map((f) => [f.backward, f.severity, f.location.line]), [["breaking", "info", 10], ["breaking", "error", 17]]);
  });
});
