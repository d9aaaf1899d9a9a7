import { InputError } from "../../src/errors.js";
import { CONFIG_FILE, loadConfig } from "../../src/registry/config.js";
import { joinPath } from "../../src/registry/snapshot.js";
import { readInputs, readReleases } from "../../src/registry/resolve.js";
import { runBreakingWithReleases } from "../../src/transitive.js";
import { parseMode } from "../compat-options.js";
import { parseFormats, readPaths, writeReport } from "../output.js";
import { progress, progressDone } from "../progress.js";
import type { ReportArgs } from "../report-options.js";

export interface BreakingArgs extends ReportArgs {
  input: string;
  against?: string;
  mode?: string;
  strict: boolean;
}

export async function runBreakingCommand(args: BreakingArgs): Promise<void> {
  const against = requireAgainst(args.against);
  const cwd = process.cwd();
  const outputs = parseFormats(args.format, readPaths(args.input, against, cwd));
  const mode = parseMode(args.mode);
  progress("reading contracts…");
  const versions = readInputs(args.input, against, cwd);
  progress("compiling and comparing…");
  const releases = () => readReleases(args.input, cwd, loadConfig(versions.input.files, joinPath(versions.input.base, CONFIG_FILE)).releases);
  const report = await runBreakingWithReleases(versions.input, versions.against, releases, { mode, strict: args.strict });
  progressDone();
  process.exitCode = await writeReport(report, outputs, args, versions.input.base);
}

/**
 * --against is checked here rather than by yargs' demandOption: yargs reports a missing option
 * before an unknown one, and `--againts` should read as the typo it is.
 */
export function requireAgainst(against: string | undefined): string {
  if (against === undefined) throw new InputError("missing --against: the version to compare with (a folder, a file or git:REF)");
  return against;
}
