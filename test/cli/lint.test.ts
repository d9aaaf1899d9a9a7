import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Report } from "../../src/report/report.js";
import { charter, tempTree } from "../helpers/cli.js";

// Runs the built CLI: `npm run build` first (test/run.sh does).
describe("charter lint", () => {
  it("passes on the example registry, which declares owners, SLOs, timeouts and keys", () => {
    const run = charter(["lint", "contracts", "--format", "json"]);
    assert.equal(run.stderr, "");
    assert.equal(run.status, 0);
    const report = JSON.parse(run.stdout) as Report;
    assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.message}`), []);
    assert.equal(report.contracts.length, 6);
    assert.ok(report.contracts.every((c) => c.change === "unchanged" && c.passed));
  });

  it("fails with exit 1 and one line per finding on a lint error", () => {
    const dir = tempTree({ "a.proto": `syntax = "proto3";\npackage shop.a.v1;\n// charter:owner team-a\nenum Kind {\n  KIND_BOOK = 0;\n}\n` });
    const run = charter(["lint", dir]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /a\.proto:5:3 error ENUM_ZERO_VALUE_SUFFIX Enum zero value "KIND_BOOK" should be suffixed with "_UNSPECIFIED"\./);
  });

  it("--explain prints a rule's description and examples", () => {
    const run = charter(["lint", "--explain", "ENUM_ZERO_VALUE_SUFFIX"]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^ENUM_ZERO_VALUE_SUFFIX \(proto; default severity error\)\n/);
    assert.match(run.stdout, /Bad:\n\n {4}syntax = "proto3";/);
    assert.match(run.stdout, /Good:\n[\s\S]*ITEM_STATUS_UNSPECIFIED = 0;/);
  });

  it("--explain of an unknown rule exits 2 with one line", () => {
    const run = charter(["lint", "--explain", "NOPE"]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /^charter: unknown lint rule "NOPE"[^\n]*\n$/);
  });
});
