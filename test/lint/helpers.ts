import assert from "node:assert/strict";
import { it } from "node:test";
import type { Finding } from "../../src/compat/finding.js";
import { runLint, type LintOptions } from "../../src/lint/run.js";
import type { Report } from "../../src/report/report.js";

/** A registry-relative file name for a contract text, told by its content as charter tells kinds. */
export function fileFor(text: string): string {
  // A rule about file names (or syntax) names its example's file in a first-line comment.
  const named = /^\/\/ file: (\S+)/.exec(text);
  if (named) return named[1];
  if (/^syntax\s*=/m.test(text)) return "example.proto";
  if (/^openapi:/m.test(text)) return "example.openapi.yaml";
  if (/^asyncapi:/m.test(text)) return "example.asyncapi.yaml";
  return "example.schema.json";
}

/** Lints an in-memory registry. */
export function lint(files: Record<string, string>, options: LintOptions = {}): Promise<Report> {
  return runLint({ label: "test", files: new Map(Object.entries(files)), base: "" }, options);
}

/** The findings of one rule. */
export async function findingsOf(files: Record<string, string>, rule: string, options: LintOptions = {}): Promise<Finding[]> {
  return (await lint(files, options)).findings.filter((f) => f.rule === rule);
}

/** A table row: a registry, a rule, and how many findings of it (with what in the message and at which line) to expect. */
export interface LintRow {
  name: string;
  files: Record<string, string>;
  rule: string;
  count: number;
  message?: RegExp;
  line?: number;
  severity?: Finding["severity"];
  today?: Date;
}

export function lintTable(rows: LintRow[]): void {
  for (const row of rows) {
    it(row.name, async () => {
      const found = await findingsOf(row.files, row.rule, { today: row.today });
      assert.equal(found.length, row.count, found.map((f) => f.message).join("\n"));
      if (row.message) assert.match(found[0].message, row.message);
      if (row.line !== undefined) assert.equal(found[0].location?.line, row.line);
      if (row.severity) assert.equal(found[0].severity, row.severity);
    });
  }
}
