import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Argv } from "yargs";
import { applyBaseline, baselineOf, parseBaseline, type Baseline } from "../src/baseline.js";
import { mergeReports } from "../src/check.js";
import { InputError } from "../src/errors.js";
import { runLint } from "../src/lint/run.js";
import { loadConfig } from "../src/registry/config.js";
import { readInput, readInputs, readMergeBase, readReleases } from "../src/registry/resolve.js";
import { runBreakingWithReleases } from "../src/transitive.js";
import { compatOptions, parseMode } from "./compat-options.js";
import { parseFormats, writeReport } from "./output.js";
import { progress, progressDone } from "./progress.js";

interface CheckArgs {
  registry: string;
  against?: string;
  mode?: string;
  strict: boolean;
  format: string[];
  baseline?: string;
  writeBaseline?: string;
}

export const checkCommand = {
  command: "check [registry]",
  describe: "Lint a registry and check it for breaking changes, in one report (the CI gate)",
  builder: (yargs: Argv) =>
    compatOptions(
      yargs
        .positional("registry", { type: "string", default: "contracts", describe: "Registry folder" })
        .option("against", { type: "string", describe: "Folder or git ref; default: where this branch left the default branch" })
        .option("baseline", { type: "string", describe: "Accept the findings recorded in this file (see --write-baseline)" })
        .option("write-baseline", { type: "string", describe: "Record today's errors and warnings in this file, keeping reasons and expiry dates already there" }),
    ),
  handler: async (args: CheckArgs): Promise<void> => {
    const outputs = parseFormats(args.format);
    const mode = parseMode(args.mode);
    const cwd = process.cwd();
    progress("reading contracts…");
    const { input, against } = args.against !== undefined
      ? readInputs(args.registry, args.against, cwd)
      : { input: readInput(args.registry, cwd), against: readMergeBase(args.registry, cwd) };
    const releases = () => readReleases(args.registry, cwd, loadConfig(input.files).releases);
    progress("linting, compiling and comparing…");
    let report = mergeReports(await runLint(input), await runBreakingWithReleases(input, against, releases, { mode, strict: args.strict }));
    progressDone();
    const readBaseline = (file: string): Baseline | undefined => (existsSync(file) ? parseBaseline(readFileSync(file, "utf8"), file) : undefined);
    if (args.writeBaseline) {
      writeFileSync(args.writeBaseline, `${JSON.stringify(baselineOf(report, readBaseline(args.writeBaseline)), null, 2)}\n`);
    }
    if (args.baseline) {
      const baseline = readBaseline(args.baseline);
      if (!baseline) throw new InputError(`no such baseline file: ${args.baseline}`);
      report = applyBaseline(report, baseline, args.baseline, new Date());
    }
    writeReport(report, outputs);
    process.exitCode = report.summary.passed ? 0 : 1;
  },
};
