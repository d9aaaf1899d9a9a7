import type { Argv } from "yargs";
import { isMode, MODES, type Mode } from "../src/compat/mode.js";
import { runBreaking } from "../src/breaking.js";
import { InputError } from "../src/errors.js";
import { readInputs } from "../src/registry/resolve.js";
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
    yargs
      .positional("input", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
      .option("against", { type: "string", demandOption: true, describe: "Folder, file, or git ref (git:main)" })
      .option("mode", { type: "string", describe: `Compatibility mode for every contract: ${MODES.join(", ")}` })
      .option("strict", { type: "boolean", default: false, describe: "Conditional changes fail the gate too" })
      .option("format", { type: "string", array: true, default: [] as string[], describe: "text|json, optionally =FILE; repeatable" }),
  handler: async (args: BreakingArgs): Promise<void> => {
    const outputs = parseFormats(args.format);
    let mode: Mode | undefined;
    if (args.mode !== undefined) {
      const upper = args.mode.toUpperCase();
      if (!isMode(upper)) throw new InputError(`unknown mode "${args.mode}": expected one of ${MODES.join(", ")}`);
      mode = upper;
    }
    const cwd = process.cwd();
    progress("reading contracts…");
    const { input, against } = readInputs(args.input, args.against, cwd);
    progress("compiling and comparing…");
    const report = await runBreaking(input, against, { mode, strict: args.strict });
    progressDone();
    writeReport(report, outputs);
    process.exitCode = report.summary.passed ? 0 : 1;
  },
};
