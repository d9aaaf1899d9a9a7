import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import { formatGithub } from "../../src/report/github.js";
import { formatJson } from "../../src/report/json.js";
import { formatJunit } from "../../src/report/junit.js";
import { formatMarkdown, MARKDOWN_MARKER } from "../../src/report/markdown.js";
import type { Report } from "../../src/report/report.js";
import { formatSarif } from "../../src/report/sarif.js";
import { formatText } from "../../src/report/text.js";
import { ROOT } from "../helpers/cli.js";
import { assertGolden } from "../helpers/golden.js";
import { CLEAN_REPORT, LINT_REPORT, REPORT } from "./fixture.js";
import { validateSarif } from "./sarif-schema.js";
import { assertWellFormedXml } from "./xml.js";

const FORMATS: { name: string; ext: string; format: (report: Report) => string }[] = [
  { name: "text", ext: "txt", format: formatText },
  { name: "json", ext: "json", format: formatJson },
  { name: "sarif", ext: "sarif", format: formatSarif },
  { name: "github", ext: "txt", format: formatGithub },
  { name: "junit", ext: "xml", format: formatJunit },
  { name: "markdown", ext: "md", format: formatMarkdown },
];

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));


describe("every format, from one fixed report", () => {
  for (const { name, ext, format } of FORMATS) {
    it(`${name} matches test/golden/report/${name}.${ext}`, () => {
      const before = structuredClone(REPORT);
      assertGolden(`report/${name}.${ext}`, format(REPORT));
      assert.deepEqual(REPORT, before, "formatters do not touch the report");
    });
  }

  it("json is valid against schemas/report.schema.json, lint findings without verdicts", () => {
    const json: unknown = JSON.parse(formatJson(REPORT));
    assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
  });

  it("sarif is valid against the SARIF 2.1.0 schema", () => {
    for (const report of [REPORT, LINT_REPORT, CLEAN_REPORT]) {
      const sarif: unknown = JSON.parse(formatSarif(report));
      assert.ok(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2));
    }
  });

  it("junit is well-formed XML", () => {
    for (const report of [REPORT, LINT_REPORT, CLEAN_REPORT]) assertWellFormedXml(formatJunit(report));
  });
});

describe("sarif", () => {
  const log = JSON.parse(formatSarif(REPORT));
  const run = log.runs[0];

  it("hashes each finding's fingerprint into partialFingerprints under charter/v2, and only there", () => {
    const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
    assert.deepEqual(
      run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["charter/v2"]),
      REPORT.findings.map((f) => sha256(f.fingerprint)),
    );
    for (const r of run.results) assert.deepEqual(Object.keys(r.partialFingerprints), ["charter/v2"]);
  });

  it("describes every rule in the report once, and results point at them", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(ids, [...new Set(REPORT.findings.map((f) => f.rule))].sort());
    for (const result of run.results) assert.equal(ids[result.ruleIndex], result.ruleId);
    const deleted = run.tool.driver.rules.find((r: { id: string }) => r.id === "FIELD_NO_DELETE");
    assert.equal(deleted.name, "FieldNoDelete");
    assert.match(deleted.fullDescription.text, /^A field may not be deleted from its message\. A breaking-change check on Protocol Buffers contracts/);
  });

  it("derives a description from an id it has no text for", () => {
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "message-payload-enum-value-added");
    assert.equal(rule.shortDescription.text, "Message payload enum value added.");
    assert.match(rule.fullDescription.text, /on AsyncAPI contracts/);
  });
});

describe("github", () => {
  it("escapes messages and properties as the workflow commands require", () => {
    const line = formatGithub(REPORT).split("\n").find((l) => l.includes("message-payload-enum-value-added"))!;
    assert.equal(
      line,
      "::warning file=contracts/orders/order-events%2C v2%3A draft.asyncapi.yaml,line=55,col=32,title=message-payload-enum-value-added::" +
        'Message "orderPaid" on channel "order.paid.v1", property discount: enum value "100%25" added.%0AOld consumers need a fallback for unknown values. [backward compatible, forward conditional]',
    );
  });

  it("writes notices for infos and nothing for a clean report", () => {
    assert.match(formatGithub(REPORT), /^::notice file=contracts\/users\/v1\/user_profile\.proto,line=13,col=3,title=field-added::/m);
    assert.equal(formatGithub(CLEAN_REPORT), "");
  });
});

describe("markdown", () => {
  it("starts with the marker, and says only the verdict when there is nothing to say", () => {
    assert.equal(formatMarkdown(CLEAN_REPORT), `${MARKDOWN_MARKER}\n✅ **charter passed**: 1 contract against \`git:main\`, 0 errors, 0 warnings, 0 infos.\n`);
  });

  it("keeps a table cell in its cell", () => {
    const row = formatMarkdown(REPORT).split("\n").find((l) => l.includes("paid"))!;
    assert.equal(row.split(/(?<!\\)\|/).length, 6, "four cells: escaped pipes do not split the row");
  });
});

describe("text", () => {
  it("names no against for a lint report", () => {
    assert.equal(formatText(LINT_REPORT).split("\n").at(-2), "passed: 0 contracts, 0 errors, 1 warning, 0 infos");
  });
});

describe("junit", () => {
  it("gives a contract without errors or warnings one passing test case", () => {
    const xml = formatJunit(REPORT);
    assert.match(xml, /<testsuite name="https:\/\/shop\.example\/refund\.schema\.json" tests="1" failures="0" errors="0" skipped="0">\n {4}<testcase classname="[^"]+" name="no errors or warnings"\/>/);
    assert.match(xml, /<testsuites name="charter" tests="6" failures="3" errors="0">/);
  });
});
