import type { Argv } from "yargs";
import { InputError } from "../src/errors.js";
import { runLint } from "../src/lint/run.js";
import { explainRule } from "../src/lint/explain.js";
import { readInput } from "../src/registry/resolve.js";
import { RULES } from "../src/rules/catalog.js";
import { parseFormats, readPaths, reportOptions, writeReport, type ReportArgs } from "./output.js";
import { didYouMean } from "./suggest.js";

interface LintArgs extends ReportArgs {
  registry: string;
  explain?: string;
}

export const lintCommand = {
  command: "lint [registry]",
  describe: "Check a registry (or one contract file) against its house rules",
  builder: (yargs: Argv) =>
    reportOptions(yargs.positional("registry", { type: "string", default: "contracts", describe: "Registry folder or contract file" }))
      .option("explain", { type: "string", describe: "Describe a rule, lint or breaking (with a bad and a good example where it has them), and exit" }),
  handler: async (args: LintArgs): Promise<void> => {
    if (args.explain !== undefined) {
      const text = explainRule(args.explain);
      // An unknown rule is bad usage: exit 2 with one line, like any other.
      if (text === undefined) {
        const ids = RULES.map((rule) => rule.id);
        throw new InputError(`unknown lint rule "${args.explain}", nor breaking rule${didYouMean(args.explain, ids)}; charter rules lists every rule`);
      }
      process.stdout.write(text);
      return;
    }
    const outputs = parseFormats(args.format, readPaths(args.registry, undefined, process.cwd()));
    const input = readInput(args.registry, process.cwd());
    const report = await runLint(input);
    process.exitCode = writeReport(report, outputs, args, input.base);
  },
};
