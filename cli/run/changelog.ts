import { runBreaking } from "../../src/breaking.js";
import { readInputs } from "../../src/registry/resolve.js";
import { changelogOf, type Changelog } from "../../src/report/changelog.js";
import { changelogJson, changelogMarkdown, changelogText } from "../../src/report/changelog-format.js";
import { parseFormats, readPaths, writeOutputs } from "../output.js";
import { progress, progressDone } from "../progress.js";
import { CHANGELOG_FORMATS, type ChangelogFormat } from "../report-options.js";
import { requireAgainst } from "./breaking.js";

export interface ChangelogArgs {
  input: string;
  against?: string;
  format: string[];
}

const FORMATS: Record<ChangelogFormat, (log: Changelog) => string> = { text: changelogText, markdown: changelogMarkdown, json: changelogJson };

export async function runChangelogCommand(args: ChangelogArgs): Promise<void> {
  const against = requireAgainst(args.against);
  const cwd = process.cwd();
  const outputs = parseFormats(args.format, readPaths(args.input, against, cwd), CHANGELOG_FORMATS);
  progress("reading contracts…");
  const versions = readInputs(args.input, against, cwd);
  progress("compiling and comparing…");
  const log = changelogOf(await runBreaking(versions.input, versions.against));
  progressDone();
  const s = log.summary;
  writeOutputs(outputs, (format) => FORMATS[format as ChangelogFormat](log), `${s.changes} changes in ${s.contracts} contracts, ${s.breaking} breaking`);
  // Release notes are a listing, not a gate: breaking changes do not fail the run.
  process.exitCode = 0;
}
