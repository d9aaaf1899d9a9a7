import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Report } from "../../src/report/report.js";
import { charter, git, tempTree } from "../helpers/cli.js";

/** A data contract whose `legacy` field goes away in v1.1.0 and comes back with another type. */
const schema = (legacy?: string) => `${JSON.stringify({
  $id: "urn:shop:refund",
  type: "object",
  required: ["id"],
  properties: { id: { type: "string" }, ...(legacy ? { legacy: { type: legacy } } : {}) },
}, null, 2)}\n`;

// Every contract needs an owner (charter lint's owner-required), so the registry names one.
const OWNED = 'version: 1\ncontracts:\n  "**": { owner: team-payments }\n';

function repoWithReleases(config = OWNED): string {
  const repo = tempTree({ "reg/refund.schema.json": schema("string"), "reg/charter.yaml": config });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "v1.0.0");
  git(repo, "tag", "v1.0.0");
  writeFileSync(join(repo, "reg/refund.schema.json"), schema());
  git(repo, "commit", "-qam", "v1.1.0: drop legacy");
  git(repo, "tag", "v1.1.0");
  writeFileSync(join(repo, "reg/refund.schema.json"), schema("integer"));
  return repo;
}

const json = (stdout: string) => JSON.parse(stdout) as Report;

describe("charter check in transitive modes", () => {
  it("catches a change compatible with the last release but not with the first", () => {
    const repo = repoWithReleases();
    const plain = charter(["check", "reg", "--against", "git:v1.1.0", "--mode", "FULL", "--format", "json"], repo);
    assert.equal(plain.status, 0, plain.stdout + plain.stderr);
    const run = charter(["check", "reg", "--against", "git:v1.1.0", "--mode", "FULL_TRANSITIVE", "--format", "json"], repo);
    assert.equal(run.status, 1, run.stderr);
    const report = json(run.stdout);
    assert.deepEqual(report.against, ["git:v1.0.0", "git:v1.1.0"]);
    const broken = report.findings.filter((f) => f.severity === "error");
    assert.deepEqual(broken.map((f) => [f.rule, f.against]), [["type-changed", "git:v1.0.0"]]);
    // In text, a finding against an older release than --against names it, and the ship-it hint
    // comes once per contract.
    const text = charter(["check", "reg", "--against", "git:v1.1.0", "--mode", "FULL_TRANSITIVE"], repo).stdout;
    assert.match(text, /^reg\/refund\.schema\.json:\d+:\d+ error type-changed .* \(against git:v1\.0\.0\) \[backward/m);
    assert.equal(text.match(/To ship it, publish a new major version of the schema/g)?.length, 1, text);
  });

  it("takes the transitive mode from charter.yaml too, and compares with the merge base by default", () => {
    const repo = repoWithReleases('version: 1\ncontracts:\n  "*.schema.json": { owner: team-payments, compatibility: FULL_TRANSITIVE }\n');
    const report = json(charter(["check", "reg", "--format", "json"], repo).stdout);
    assert.equal(report.contracts[0].mode, "FULL_TRANSITIVE");
    assert.ok(report.against.includes("git:v1.0.0"));
    assert.ok(report.findings.some((f) => f.rule === "type-changed" && f.against === "git:v1.0.0"));
  });
});

describe("baselines", () => {
  it("records today's findings, skips them later, and fails once an entry expires", () => {
    const repo = repoWithReleases();
    const baseline = join(repo, "charter-baseline.json");
    const args = ["check", "reg", "--against", "git:v1.0.0", "--mode", "FULL", "--format", "json"];
    assert.equal(charter([...args, "--write-baseline", baseline], repo).status, 1);
    const written = JSON.parse(readFileSync(baseline, "utf8")) as { entries: { rule: string; reason: string; expires?: string }[] };
    assert.deepEqual(written.entries.map((e) => e.rule), ["type-changed"]);

    // A new entry has no reason yet: the baseline is not accepted until someone writes one.
    const unexplained = charter([...args, "--baseline", baseline], repo);
    assert.equal(unexplained.status, 2);
    assert.match(unexplained.stderr, /^charter: \S+charter-baseline\.json:\d+:\d+: entry 0 \(type-changed\) has no "reason": say why the finding is accepted\n$/);
    written.entries[0].reason = "consumers migrated by hand";
    writeFileSync(baseline, JSON.stringify(written, null, 2));

    const accepted = charter([...args, "--baseline", baseline], repo);
    assert.equal(accepted.status, 0, accepted.stdout);
    assert.ok(!json(accepted.stdout).findings.some((f) => f.rule === "type-changed"));

    written.entries[0].expires = "2020-01-31";
    writeFileSync(baseline, JSON.stringify(written));
    const expired = charter([...args, "--baseline", baseline], repo);
    assert.equal(expired.status, 1);
    const finding = json(expired.stdout).findings.find((f) => f.rule === "baseline-entry-expired");
    assert.match(finding?.message ?? "", /expired on 2020-01-31 \(consumers migrated by hand\)/);

    // Rewriting the baseline keeps what people wrote in it.
    charter([...args, "--write-baseline", baseline], repo);
    const rewritten = JSON.parse(readFileSync(baseline, "utf8")) as { entries: { reason: string; expires?: string }[] };
    assert.deepEqual([rewritten.entries[0].reason, rewritten.entries[0].expires], ["consumers migrated by hand", "2020-01-31"]);
  });

  for (const [name, entry, message] of [
    ["a date that does not exist", { reason: "r", expires: "2020-13-45" }, /b\.json:8:18: entry 0: "expires" must be a date, YYYY-MM-DD, not "2020-13-45"/],
    ["February 29th of a common year", { reason: "r", expires: "2021-02-29" }, /b\.json:8:18: entry 0: "expires" must be a date, YYYY-MM-DD, not "2021-02-29"/],
    ["an empty reason", { reason: "  " }, /b\.json:7:17: entry 0 \(type-changed\) has no "reason"/],
  ] as const) {
    it(`rejects ${name} with one located line, exit 2`, () => {
      const repo = repoWithReleases();
      const entries = [{ fingerprint: "f", rule: "type-changed", ...entry }];
      writeFileSync(join(repo, "b.json"), JSON.stringify({ version: 1, entries }, null, 2));
      const run = charter(["check", "reg", "--against", "git:v1.0.0", "--baseline", "b.json"], repo);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.split("\n").length, 2, run.stderr);
    });
  }

  it("names a bad baseline file, exit 2", () => {
    const repo = repoWithReleases();
    writeFileSync(join(repo, "b.json"), '{"version": 2}');
    const run = charter(["check", "reg", "--against", "git:v1.0.0", "--baseline", "b.json"], repo);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^charter: b\.json:1:1: a baseline needs "version": 1/);
  });
});
