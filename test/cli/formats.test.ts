import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { MARKDOWN_MARKER } from "../../src/report/markdown.js";
import { charter, tempTree } from "../helpers/cli.js";
import { validateSarif } from "../report/sarif-schema.js";
import { assertWellFormedXml } from "../report/xml.js";

const BREAKING = ["breaking", "contracts", "--against", "examples/shop-v1.0"];

/** Runs the CLI with GITHUB_STEP_SUMMARY as given (unset when undefined), as Actions would. */
function withStepSummary<T>(path: string | undefined, run: () => T): T {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  if (path === undefined) delete process.env.GITHUB_STEP_SUMMARY;
  else process.env.GITHUB_STEP_SUMMARY = path;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  }
}

describe("report formats from the CLI", () => {
  it("writes several formats in one run: text to stdout, the others to their files", () => {
    const dir = tempTree({});
    const sarifFile = join(dir, "r.sarif");
    const junitFile = join(dir, "r.xml");
    const run = withStepSummary(undefined, () => charter([...BREAKING, "--format", "text", "--format", `sarif=${sarifFile}`, "--format", `junit=${junitFile}`]));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^failed: 6 contracts, 3 errors/m);

    const sarif: unknown = JSON.parse(readFileSync(sarifFile, "utf8"));
    assert.ok(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2));
    const results = (sarif as { runs: { results: { ruleId: string; level: string }[] }[] }).runs[0].results;
    assert.equal(results.filter((r) => r.level === "error").length, 3);

    const junit = readFileSync(junitFile, "utf8");
    assertWellFormedXml(junit);
    assert.equal(junit.match(/<testsuite /g)?.length, 6, "one test suite per contract");
    assert.match(junit, /<testsuites name="charter" tests="\d+" failures="3"/);
  });

  it("--format github prints workflow commands and appends the Markdown report to GITHUB_STEP_SUMMARY", () => {
    const summary = join(tempTree({}), "summary.md");
    writeFileSync(summary, "from an earlier step\n");
    const run = withStepSummary(summary, () => charter([...BREAKING, "--format", "github"]));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^::error file=contracts\/users\/v1\/user_profile\.proto,line=6,col=1,title=FIELD_NO_DELETE::/m);
    const written = readFileSync(summary, "utf8");
    assert.ok(written.startsWith(`from an earlier step\n${MARKDOWN_MARKER}\n❌ **charter failed**: 6 contracts`), written);
    assert.match(written, /\| `shop\.users\.v1` \| proto \| modified \| FULL \|/);
  });

  it("leaves GITHUB_STEP_SUMMARY alone for the other formats", () => {
    const summary = join(tempTree({}), "summary.md");
    writeFileSync(summary, "");
    withStepSummary(summary, () => charter([...BREAKING, "--format", "markdown"]));
    assert.equal(readFileSync(summary, "utf8"), "");
  });
});
