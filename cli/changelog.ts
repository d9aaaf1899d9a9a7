import type { Argv } from "yargs";
import { runBreaking } from "../src/breaking.js";
import { readInputs } from "../src/registry/resolve.js";
import { changelogOf } from "../src/report/changelog.js";
import { changelogJson, changelogMarkdown, changelogText } from "../src/report/changelog-format.js";
import { requireAgainst } from "./breaking.js";
import { formatOption, parseFormats, readPaths, writeOutputs } from "./output.js";
import { progress, progressDone } from "./progress.js";

interface ChangelogArgs {
  input: string;
  against?: string;
  format: string[];
}

const FORMATS = { text: changelogText, markdown: changelogMarkdown, json: changelogJson };

export const changelogCommand = {
  command: "changelog [input]",
  describe: "List every change between two versions, breaking or not, per contract: release notes",
  builder: (yargs: Argv) =>
    formatOption(
      yargs
        .positional("input", { type: "string", default: "contracts", describe: "Registry folder or contract file (the newer version)" })
        .option("against", { type: "string", describe: "The older version: folder, file, or git ref (git:v1.2.0); required" }),
      Object.keys(FORMATS),
    ),
  handler: async (args: ChangelogArgs): Promise<void> => {
    const against = requireAgainst(args.against);
    const cwd = process.cwd();
    const outputs = parseFormats(args.format, readPaths(args.input, against, cwd), Object.keys(FORMATS));
    progress("reading contracts…");
    const versions = readInputs(args.input, against, cwd);
    progress("compiling and comparing…");
    const log = changelogOf(await runBreaking(versions.input, versions.against));
    progressDone();
    const s = log.summary;
    writeOutputs(outputs, (format) => FORMATS[format as keyof typeof FORMATS](log), `${s.changes} changes in ${s.contracts} contracts, ${s.breaking} breaking`);
    // Release notes are a listing, not a gate: breaking changes do not fail the run.
    process.exitCode = 0;
  },
};
