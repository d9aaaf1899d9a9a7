import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { charter, tempTree } from "../helpers/cli.js";

// buf users take protovalidate's definitions from the BSR (`deps`); charter ships a copy instead
// (proto/README.md), so a registry that imports them without vendoring them compiles offline.
const ITEM = (fields: string) => `syntax = "proto3";

package shop.v1;

import "buf/validate/validate.proto";

// charter:owner team-shop
// An item.
message Item {
${fields}}
`;
const SKU = `  // Its stock-keeping unit.\n  string sku = 1 [(buf.validate.field).string.min_len = 5, (buf.validate.field).string.max_len = 2];\n`;
const COUNT = `  // How many are left.\n  int32 count = 2 [(buf.validate.field).int32.gte = 0];\n`;

describe("a registry importing buf/validate/validate.proto without holding it", () => {
  const dir = tempTree({
    "v1/shop/v1/item.proto": ITEM(SKU + COUNT),
    "v2/shop/v1/item.proto": ITEM(`${SKU}  reserved 2;\n`),
  });

  it("lint compiles it and runs PROTOVALIDATE", () => {
    const run = charter(["lint", "v1"], dir);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split("\n").filter((l) => l.includes(" PROTOVALIDATE "));
    assert.equal(lines.length, 2, run.stdout);
    assert.match(lines[0], /^v1\/shop\/v1\/item\.proto:\d+:\d+ error PROTOVALIDATE Field "sku" has value 5 for \(buf\.validate\.field\)\.string\.min_len/);
    assert.doesNotMatch(run.stdout, /buf\/validate\/validate\.proto/, "the shipped file is not linted");
  });

  it("breaking compiles both versions and compares them", () => {
    const run = charter(["breaking", "v2", "--against", "v1", "--format", "json"], dir);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; location?: { file: string } }[]; contracts: { id: string }[] };
    assert.deepEqual(report.findings.map((f) => f.rule), ["FIELD_NO_DELETE"]);
    assert.deepEqual(report.contracts.map((c) => c.id), ["shop.v1"]);
  });
});
