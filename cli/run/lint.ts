import { InputError } from "../../src/errors.js";
import { runLint } from "../../src/lint/run.js";
import { explainRule } from "../../src/lint/explain.js";
import { readInput } from "../../src/registry/resolve.js";
import { allRules } from "../../src/rules/catalog.js";
import { parseFormats, readPaths, writeReport } from "../output.js";
import type { ReportArgs } from "../report-options.js";
import { didYouMean } from "../suggest.js";

export interface LintArgs extends ReportArgs {
  registry: string;
  explain?: string;
}

export async function runLintCommand(args: LintArgs): Promise<void> {
  if (args.explain !== undefined) {
    const text = explainRule(args.explain);
    // An unknown rule is bad usage: exit 2 with one line, like any other.
    if (text === undefined) {
      const ids = allRules().map((rule) => rule.id);
      throw new InputError(`unknown lint rule "${args.explain}", nor breaking rule${didYouMean(args.explain, ids)}; charter rules lists every rule`);
    }
    process.stdout.write(text);
    return;
  }
  const outputs = parseFormats(args.format, readPaths(args.registry, undefined, process.cwd()));
  const input = readInput(args.registry, process.cwd());
  const report = await runLint(input);
  process.exitCode = await writeReport(report, outputs, args, input.base);
}
