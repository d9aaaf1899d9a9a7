import type { Argv } from "yargs";
import { loadConfig } from "../src/registry/config.js";
import { readInputs, readReleases } from "../src/registry/resolve.js";
import { runBreakingWithReleases } from "../src/transitive.js";
import { compatOptions, parseMode } from "./compat-options.js";
import { parseFormats, writeReport } from "./output.js";
import { progress, progressDone } from "./progress.js";

interface BreakingArgs {
  input: string;
  against: string;
  mode?: string;
  strict: boolean;
  format: string[];
}

export const breakingCommand = {
  command: "breaking [input]",
  describe: "Check a registry (or one contract file) for breaking changes against another version",
  builder: (yargs: Argv) =>
    compatOptions(
      yargs
        .positional("input", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
        .option("against", { type: "string", demandOption: true, describe: "Folder, file, or git ref (git:main)" }),
    ),
  handler: async (args: BreakingArgs): Promise<void> => {
    const outputs = parseFormats(args.format);
    const mode = parseMode(args.mode);
    const cwd = process.cwd();
    progress("reading contracts…");
    const { input, against } = readInputs(args.input, args.against, cwd);
    progress("compiling and comparing…");
    const releases = () => readReleases(args.input, cwd, loadConfig(input.contract === undefined ? input.files : new Map()).releases);
    const report = await runBreakingWithReleases(input, against, releases, { mode, strict: args.strict });
    progressDone();
    writeReport(report, outputs);
    process.exitCode = report.summary.passed ? 0 : 1;
  },
};
