import type { Argv } from "yargs";
import { runLint } from "../src/lint/run.js";
import { readInput } from "../src/registry/resolve.js";
import { parseFormats, writeReport } from "./output.js";

interface LintArgs {
  registry: string;
  format: string[];
}

export const lintCommand = {
  command: "lint [registry]",
  describe: "Check a registry against its house rules",
  builder: (yargs: Argv) =>
    yargs
      .positional("registry", { type: "string", default: "contracts", describe: "Registry folder" })
      .option("format", { type: "string", array: true, default: [] as string[], describe: "text|json, optionally =FILE; repeatable" }),
  handler: async (args: LintArgs): Promise<void> => {
    const outputs = parseFormats(args.format);
    const report = await runLint(readInput(args.registry, process.cwd()));
    writeReport(report, outputs);
    process.exitCode = report.summary.passed ? 0 : 1;
  },
};
