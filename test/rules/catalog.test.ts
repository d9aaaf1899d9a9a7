import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkProto } from "../../src/compat/proto/check.js";
import { PROTO_RULES } from "../../src/compat/proto/rules/index.js";
import { allLintRules } from "../../src/lint/rules/index.js";
import { readPathSnapshot } from "../../src/registry/read-dir.js";
import type { RuleMeta } from "../../src/rules/rule-meta.js";
import { charter, ROOT } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";
import { scoreOasdiff } from "../corpus/oasdiff-score.js";

const LINT_RULES = await allLintRules();

// Runs the built CLI: `npm run build` first (test/run.sh does).
const listed = (...args: string[]): RuleMeta[] => {
  const run = charter(["rules", "--format", "json", ...args]);
  assert.equal(run.stderr, "");
  assert.equal(run.status, 0);
  return JSON.parse(run.stdout) as RuleMeta[];
};

describe("charter rules", () => {
  const rules = listed();
  const ids = new Set(rules.map((rule) => rule.id));

  it("lists at least 150 rules across every kind, each with a description", () => {
    assert.ok(rules.length >= 150, `${rules.length} rules`);
    for (const kind of ["proto", "openapi", "asyncapi", "jsonschema"] as const) {
      assert.ok(rules.some((rule) => rule.kinds.includes(kind) && rule.check === "breaking"), `breaking rules of ${kind}`);
      assert.ok(rules.some((rule) => rule.kinds.includes(kind) && rule.check === "lint"), `lint rules of ${kind}`);
    }
    assert.deepEqual(rules.filter((rule) => !rule.description.trim()).map((rule) => rule.id), []);
  });

  it("gives every rule one id, and names each of its kinds once (one meaning per kind)", () => {
    assert.equal(ids.size, rules.length);
    assert.deepEqual(rules.filter((rule) => new Set(rule.kinds).size !== rule.kinds.length).map((rule) => rule.id), []);
  });

  it("gives breaking rules verdicts or none, and lint and verify rules a severity (lint ones examples too)", () => {
    for (const rule of rules) {
      if (rule.check === "lint" || rule.check === "verify") {
        assert.ok(rule.severity, `${rule.id} severity`);
        assert.equal(rule.verdicts, undefined, rule.id);
      } else assert.equal(rule.severity, undefined, rule.id);
    }
    // Every lint rule that has a check has its examples in the catalog (the examples test runs them).
    for (const rule of LINT_RULES) assert.ok(rules.find((r) => r.id === rule.id)?.examples, rule.id);
  });

  it("filters by kind and check", () => {
    const protoBreaking = listed("--kind", "proto", "--check", "breaking");
    assert.ok(protoBreaking.length > 0 && protoBreaking.every((rule) => rule.kinds.includes("proto") && rule.check === "breaking"));
    // Every proto breaking rule charter runs is listed, with buf's categories.
    assert.deepEqual(PROTO_RULES.map((rule) => rule.id).filter((id) => !protoBreaking.some((r) => r.id === id && r.categories)), []);
    const lint = listed("--check", "lint");
    assert.ok(lint.every((rule) => rule.check === "lint"));
    const verify = listed("--check", "verify");
    assert.ok(verify.length > 0 && verify.every((rule) => rule.check === "verify"));
    assert.equal(lint.length + listed("--check", "breaking").length + verify.length, rules.length);
  });

  it("prints a table: a header, then one row per rule", () => {
    const run = charter(["rules", "--kind", "jsonschema", "--check", "breaking"]);
    assert.equal(run.status, 0);
    const lines = run.stdout.trimEnd().split("\n");
    assert.match(lines[0], /^ID\s+KINDS\s+CHECK\s+CATEGORY\s+DEFAULT$/);
    assert.equal(lines.length - 1, listed("--kind", "jsonschema", "--check", "breaking").length);
    assert.match(run.stdout, /\nmax-length-decreased\s+jsonschema\s+breaking\s+bounds\s+/);
  });

  it("names oasdiff as the peer of exactly the OpenAPI ids oasdiff has (its rule list)", () => {
    const tsv = readFileSync(join(ROOT, "test", "corpus", "oasdiff", "rules.tsv"), "utf8");
    const oasdiff = new Set(tsv.split("\n").slice(1).map((line) => line.split("\t")[0]).filter(Boolean));
    for (const rule of rules.filter((r) => r.kinds.includes("openapi") && r.check === "breaking")) {
      assert.equal(rule.peer?.tool === "oasdiff", oasdiff.has(rule.id), rule.id);
    }
  });

  it("explains a breaking rule as lint --explain does a lint rule", () => {
    const run = charter(["lint", "--explain", "FIELD_NO_DELETE"]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^FIELD_NO_DELETE \(proto; breaking, category PACKAGE\)\n\nA field may not be deleted from its message\.\n/);
    assert.match(run.stdout, /buf categories: FILE, PACKAGE\./);
    const typo = charter(["lint", "--explain", "FIELD_NO_DELET"]);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /did you mean FIELD_NO_DELETE\?/);
  });

  it("catalogues every rule the golden reports carry", () => {
    for (const file of ["example-breaking.json", "report/json.json"]) {
      const report = JSON.parse(readFileSync(join(ROOT, "test", "golden", file), "utf8")) as { findings: { rule: string }[] };
      assert.ok(report.findings.length > 0, file);
      assert.deepEqual(report.findings.map((f) => f.rule).filter((rule) => !ids.has(rule)), [], file);
    }
  });

  const oasdiff = corpus("oasdiff");
  it("catalogues every rule charter reports on oasdiff's cases", { skip: oasdiff.skip }, () => {
    const reported = new Set(scoreOasdiff(oasdiff.dir!).flatMap((result) => result.reported));
    assert.ok(reported.size > 100, `${reported.size} distinct rules reported`);
    assert.deepEqual([...reported].filter((rule) => !ids.has(rule)), []);
  });

  const buf = corpus("buf-breaking");
  it("catalogues every rule charter reports on buf's breaking cases", { skip: buf.skip }, async () => {
    const cases = JSON.parse(readFileSync(join(buf.dir!, "expected.json"), "utf8")) as { dir: string }[];
    const reported = new Set<string>();
    for (const { dir } of cases) {
      const current = readPathSnapshot(join(buf.dir!, "current", dir), "");
      const previous = readPathSnapshot(join(buf.dir!, "previous", dir), "");
      for (const change of (await checkProto(previous, current, {})).changes) reported.add(change.rule);
    }
    assert.ok(reported.size > 40, `${reported.size} distinct rules reported`);
    assert.deepEqual([...reported].filter((rule) => !ids.has(rule)), []);
  });
});
