import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import type { Report } from "../../src/report/report.js";
import { assertGolden } from "../helpers/golden.js";
import { charter, git, ROOT, tempTree } from "../helpers/cli.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

/** Every report a test reads is validated against the shipped schema first. */
function parseReport(stdout: string): Report {
  const json: unknown = JSON.parse(stdout);
  assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
  return json as Report;
}

const USERS_V1 = `syntax = "proto3";
package shop.users.v1;
message UserProfile {
  string user_id = 1;
  string phone = 3;
}
`;
const USERS_V2 = `syntax = "proto3";
package shop.users.v1;
message UserProfile {
  reserved 3;
  reserved "phone";
  string user_id = 1;
}
`;

describe("charter breaking on the example registry", () => {
  it("prints one line per finding and a summary (text)", () => {
    const run = charter(["breaking", "contracts", "--against", "examples/shop-v1.0"]);
    assert.equal(run.stderr, "");
    assertGolden("example-breaking.txt", run.stdout);
    assert.equal(run.status, 1, "the removed phone field breaks old consumers of a FULL data contract");
  });

  it("writes the JSON report the README describes, valid against its schema", () => {
    const run = charter(["breaking", "contracts", "--against", "examples/shop-v1.0", "--format", "json"]);
    const report = parseReport(run.stdout);
    assertGolden("example-breaking.json", run.stdout);
    const phone = report.findings.find((f) => f.rule === "FIELD_NO_DELETE")!;
    assert.deepEqual(
      { backward: phone.backward, forward: phone.forward, severity: phone.severity, contract: phone.contract },
      { backward: "conditional", forward: "breaking", severity: "error", contract: "shop.users.v1" },
    );
    assert.deepEqual(phone.location, { file: "contracts/users/v1/user_profile.proto", line: 6, column: 1 });
    assert.equal(phone.before?.file, "examples/shop-v1.0/users/v1/user_profile.proto");
  });

  it("writes several formats in one run", () => {
    const dir = tempTree({});
    const out = join(dir, "report.json");
    const run = charter(["breaking", "contracts", "--against", "examples/shop-v1.0", "--format", "text", "--format", `json=${out}`]);
    assert.match(run.stdout, /FIELD_NO_DELETE/);
    // One error per change: the Order enum value reaches two operations, one finding.
    assert.equal(parseReport(readFileSync(out, "utf8")).summary.errors, 3);
  });

  it("--mode NONE still computes every finding but fails nothing", () => {
    const run = charter(["breaking", "contracts", "--against", "examples/shop-v1.0", "--mode", "NONE", "--format", "json"]);
    const report = parseReport(run.stdout);
    assert.equal(run.status, 0);
    assert.ok(report.findings.some((f) => f.rule === "FIELD_NO_DELETE"));
    assert.ok(report.findings.every((f) => f.severity === "info"));
  });

  it("--strict turns conditional changes into errors", () => {
    const plain = parseReport(charter(["breaking", "contracts", "--against", "examples/shop-v1.0", "--mode", "BACKWARD", "--format", "json"]).stdout);
    const strict = parseReport(charter(["breaking", "contracts", "--against", "examples/shop-v1.0", "--mode", "BACKWARD", "--strict", "--format", "json"]).stdout);
    assert.ok(plain.summary.warnings > 0);
    assert.equal(strict.summary.warnings, 0);
    assert.equal(strict.summary.errors, plain.summary.errors + plain.summary.warnings);
  });
});

describe("charter breaking against git refs", () => {
  const repo = tempTree({ "registry/users/v1/user.proto": USERS_V1, "registry/charter.yaml": "version: 1\n" });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "v1");
  git(repo, "tag", "v1.0.0");
  writeFileSync(join(repo, "registry/users/v1/user.proto"), USERS_V2);

  it("reads git:REF from the repository without touching the working tree", () => {
    const run = charter(["breaking", "registry", "--against", "git:main", "--format", "json"], repo);
    const report = parseReport(run.stdout);
    assert.equal(run.status, 1);
    assert.deepEqual(report.against, ["git:main"]);
    const finding = report.findings.find((f) => f.rule === "FIELD_NO_DELETE")!;
    assert.equal(finding.location?.file, "registry/users/v1/user.proto", "relative to the repository root");
    assert.equal(finding.before?.line, 5);
    assert.equal(git(repo, "status", "--porcelain"), " M registry/users/v1/user.proto\n");
  });

  it("accepts a bare ref, and a single file at a ref", () => {
    assert.equal(charter(["breaking", "registry", "--against", "v1.0.0"], repo).status, 1);
    const single = charter(["breaking", "registry/users/v1/user.proto", "--against", "git:HEAD", "--format", "json"], repo);
    assert.equal(parseReport(single.stdout).findings.find((f) => f.rule === "FIELD_NO_DELETE")?.location?.file, "registry/users/v1/user.proto");
  });

  it("names a ref that does not exist, exit 2", () => {
    const run = charter(["breaking", "registry", "--against", "git:nope"], repo);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "charter: git ref not found: nope\n");
  });
});

describe("bad input exits 2 with one line naming the place", () => {
  const cases: { name: string; files: Record<string, string>; args: (dir: string) => string[]; stderr: RegExp }[] = [
    {
      name: "a proto that does not compile",
      files: { "new/a.proto": 'syntax = "proto3";\npackage a.v1;\nmessage A {\n  string x = 1\n}\n', "old/a.proto": 'syntax = "proto3";\npackage a.v1;\n' },
      args: () => ["breaking", "new", "--against", "old"],
      stderr: /^charter: new\/a\.proto:5:1: unexpected `}` after definition: }\n$/,
    },
    {
      name: "a missing import",
      files: { "new/a.proto": 'syntax = "proto3";\npackage a.v1;\nimport "b.proto";\n', "old/a.proto": 'syntax = "proto3";\npackage a.v1;\n' },
      args: () => ["breaking", "new", "--against", "old"],
      stderr: /^charter: new\/a\.proto:3:1: imported file does not exist: import "b\.proto";\n$/,
    },
    {
      name: "a path that does not exist",
      files: { "old/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "missing", "--against", "old"],
      stderr: /^charter: no such file or folder: missing\n$/,
    },
    {
      name: "an against that is neither a path nor a ref",
      files: { "new/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "nowhere"],
      stderr: /^charter: no such file, folder or git ref: nowhere\n$/,
    },
    {
      name: "an empty registry",
      files: { "new/README.md": "nothing here\n", "old/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "old"],
      stderr: /^charter: new: no contracts found\n$/,
    },
    {
      name: "a folder against a file",
      files: { "new/a.proto": 'syntax = "proto3";\n', "old.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "old.proto"],
      stderr: /^charter: cannot compare a folder \(new\) against a file \(old\.proto\)\n$/,
    },
    {
      name: "an unknown key in charter.yaml",
      files: { "new/a.proto": 'syntax = "proto3";\n', "new/charter.yaml": "version: 1\ncompatibility:\n  api: BACKWARD\n  events: FULL\n", "old/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "old"],
      stderr: /^charter: new\/charter\.yaml:4:3: unknown key "events" in compatibility\n$/,
    },
    {
      name: "a bad mode in charter.yaml",
      files: { "new/a.proto": 'syntax = "proto3";\n', "new/charter.yaml": "version: 1\ncontracts:\n  \"a/**\":\n    compatibility: SIDEWAYS\n", "old/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "old"],
      stderr: /^charter: new\/charter\.yaml:4:20: contracts\.a\/\*\*\.compatibility must be equal to one of the allowed values: expected one of BACKWARD, .*\n$/,
    },
    {
      name: "an unknown format",
      files: { "new/a.proto": 'syntax = "proto3";\n', "old/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new", "--against", "old", "--format", "xml"],
      stderr: /^charter: unknown format "xml": expected one of text, json, sarif, github, junit, markdown\n$/,
    },
    {
      name: "a missing --against",
      files: { "new/a.proto": 'syntax = "proto3";\n' },
      args: () => ["breaking", "new"],
      stderr: /^charter: missing --against: the version to compare with/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const dir = tempTree(c.files);
      const run = charter(c.args(dir), dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, c.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace without --verbose");
    });
  }

  it("shows the stack with --verbose", () => {
    const dir = tempTree({ "old/a.proto": 'syntax = "proto3";\n' });
    const run = charter(["breaking", "missing", "--against", "old", "--verbose"], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /\n\s+at /);
  });
});

describe("single contract files", () => {
  it("compares two files as one contract whatever their names", () => {
    const dir = tempTree({ "user.proto": USERS_V2, "user-old.proto": USERS_V1 });
    const report = parseReport(charter(["breaking", "user.proto", "--against", "user-old.proto", "--format", "json"], dir).stdout);
    assert.deepEqual(report.contracts.map((c) => [c.id, c.change]), [["shop.users.v1", "modified"]]);
    assert.ok(report.findings.some((f) => f.rule === "FIELD_NO_DELETE"));
  });
});

describe("contracts in the report", () => {
  const proto = (pkg: string, fields: string) => `syntax = "proto3";\npackage ${pkg};\nmessage M {\n${fields}}\n`;
  const before = {
    "a/v1/a.proto": proto("a.v1", "  string x = 1;\n  string y = 2;\n"),
    "b/v1beta1/b.proto": proto("b.v1beta1", "  string x = 1;\n  string y = 2;\n"),
    "c/v1/c.proto": proto("c.v1", "  string x = 1;\n"),
    "d/v1/d.proto": proto("d.v1", "  string x = 1;\n"),
  };
  const after = {
    "a/v1/a.proto": proto("a.v1", "  string x = 1;\n"),
    "b/v1beta1/b.proto": proto("b.v1beta1", "  string x = 1;\n"),
    "c/v1/c.proto": `// comments change nothing on the wire\n${proto("c.v1", "  string x = 1;\n")}`,
    "e/v1/e.proto": proto("e.v1", "  string x = 1;\n"),
  };
  const dir = tempTree({
    ...Object.fromEntries(Object.entries(before).map(([p, t]) => [`old/${p}`, t])),
    ...Object.fromEntries(Object.entries(after).map(([p, t]) => [`new/${p}`, t])),
  });
  const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
  const report = parseReport(run.stdout);

  it("lists every contract with its change, unchanged ones too", () => {
    assert.deepEqual(report.contracts.map((c) => [c.id, c.change, c.mode, c.passed]), [
      ["a.v1", "modified", "FULL", false],
      ["b.v1beta1", "modified", "FULL", true],
      ["c.v1", "modified", "FULL", true],
      ["d.v1", "removed", "FULL", false],
      ["e.v1", "added", "FULL", true],
    ]);
  });

  it("reports unstable packages without gating them", () => {
    const unstable = report.findings.filter((f) => f.contract === "b.v1beta1");
    assert.deepEqual(unstable.map((f) => [f.rule, f.forward, f.severity]), [["FIELD_NO_DELETE", "breaking", "info"]]);
    assert.equal(run.status, 1, "a.v1 still fails the gate");
  });

  it("names whole packages added and removed", () => {
    const presence = report.findings.filter((f) => f.rule.startsWith("contract-")).map((f) => [f.rule, f.contract, f.backward, f.forward, f.location?.file]);
    assert.deepEqual(presence, [
      ["contract-added", "e.v1", "compatible", "compatible", "new/e/v1/e.proto"],
      ["contract-removed", "d.v1", "conditional", "breaking", "old/d/v1/d.proto"],
    ]);
  });
});

describe("a single proto file", () => {
  it("is compiled with the files it imports from beside it", () => {
    const common = 'syntax = "proto3";\npackage c.v1;\nmessage Money { int64 units = 1; }\n';
    const order = (field: string) => `syntax = "proto3";\npackage o.v1;\nimport "common.proto";\nmessage Order {\n  c.v1.Money total = 1;\n${field}}\n`;
    const dir = tempTree({ "new/order.proto": order(""), "new/common.proto": common, "old/order.proto": order("  string note = 2;\n"), "old/common.proto": common });
    const report = parseReport(charter(["breaking", "new/order.proto", "--against", "old/order.proto", "--format", "json"], dir).stdout);
    assert.deepEqual(report.contracts.map((c) => [c.id, c.change]), [["o.v1", "modified"]], "the imported package is not a contract of its own here");
    assert.deepEqual(report.findings.map((f) => f.rule), ["FIELD_NO_DELETE"]);
  });
});
