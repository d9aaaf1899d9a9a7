import type { Argv } from "yargs";
import type { Severity } from "../src/compat/finding.js";
import { SEVERITIES } from "../src/report/gate.js";

/** The report formats; each formatter loads when a run asks for it (`output.ts`). */
export const FORMAT_NAMES = ["text", "json", "sarif", "github", "junit", "markdown"] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** The formats of `charter changelog`: release notes, not a report. */
export const CHANGELOG_FORMATS = ["text", "markdown", "json"] as const;

export type ChangelogFormat = (typeof CHANGELOG_FORMATS)[number];

/** The options of every command that prints a report (lint, breaking, check). */
export interface ReportArgs {
  format: string[];
  severity: Severity;
  failOn: Severity;
  path: string[];
  excludePath: string[];
}

const SEVERITY_CHOICES = [...SEVERITIES].reverse();

export function formatOption<T>(yargs: Argv<T>, names: readonly string[]) {
  return yargs.option("format", { type: "string", array: true, default: [] as string[], describe: `${names.join("|")}, optionally =FILE; repeatable (text when none)` });
}

export function reportOptions<T>(yargs: Argv<T>) {
  return formatOption(yargs, FORMAT_NAMES)
    .option("fail-on", { choices: SEVERITY_CHOICES, default: "error" as Severity, describe: "The lowest severity that fails the run (--strict first turns conditional changes into errors)" })
    .option("severity", { choices: SEVERITY_CHOICES, default: "info" as Severity, describe: "The lowest severity shown (warning hides infos); the verdict still counts all" })
    .option("path", { type: "string", array: true, default: [] as string[], describe: "Only these files: registry-relative globs or folders; repeatable" })
    .option("exclude-path", { type: "string", array: true, default: [] as string[], describe: "Not these files: registry-relative globs or folders; repeatable" });
}
