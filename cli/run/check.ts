import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { applyBaseline, baselineOf, parseBaseline, type Baseline } from "../../src/baseline.js";
import { mergeReports } from "../../src/check.js";
import { InputError } from "../../src/errors.js";
import { runLint } from "../../src/lint/run.js";
import { CONFIG_FILE, loadConfig } from "../../src/registry/config.js";
import { joinPath } from "../../src/registry/snapshot.js";
import { readInput, readInputs, readMergeBase, readReleases } from "../../src/registry/resolve.js";
import { runBreakingWithReleases } from "../../src/transitive.js";
import { parseMode } from "../compat-options.js";
import { parseFormats, readPaths, writeReport } from "../output.js";
import { progress, progressDone } from "../progress.js";
import type { ReportArgs } from "../report-options.js";

export interface CheckArgs extends ReportArgs {
  registry: string;
  against?: string;
  mode?: string;
  strict: boolean;
  baseline?: string;
  writeBaseline?: string;
}

export async function runCheckCommand(args: CheckArgs): Promise<void> {
  const cwd = process.cwd();
  const outputs = parseFormats(args.format, readPaths(args.registry, args.against, cwd));
  const mode = parseMode(args.mode);
  progress("reading contracts…");
  const { input, against } = args.against !== undefined
    ? readInputs(args.registry, args.against, cwd)
    : { input: readInput(args.registry, cwd), against: readMergeBase(args.registry, cwd) };
  const releases = () => readReleases(args.registry, cwd, loadConfig(input.files, joinPath(input.base, CONFIG_FILE)).releases);
  progress("linting, compiling and comparing…");
  let report = mergeReports(await runLint(input), await runBreakingWithReleases(input, against, releases, { mode, strict: args.strict }));
  progressDone();
  if (args.writeBaseline) {
    // The file being rewritten may hold entries whose reasons are still to be written.
    const previous = existsSync(args.writeBaseline) ? parseBaseline(readFileSync(args.writeBaseline, "utf8"), args.writeBaseline, { draft: true }) : undefined;
    const baseline = baselineOf(report, previous);
    writeFileSync(args.writeBaseline, `${JSON.stringify(baseline, null, 2)}\n`);
    const missing = baseline.entries.filter((e) => !e.reason).length;
    if (missing) process.stderr.write(`wrote ${args.writeBaseline}: give each of its ${missing} new entries a "reason" before --baseline accepts it\n`);
  }
  if (args.baseline) {
    if (!existsSync(args.baseline)) throw new InputError(`no such baseline file: ${args.baseline}`);
    const baseline: Baseline = parseBaseline(readFileSync(args.baseline, "utf8"), args.baseline);
    report = applyBaseline(report, baseline, args.baseline, new Date());
  }
  process.exitCode = await writeReport(report, outputs, args, input.base);
}
