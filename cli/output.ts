import { appendFileSync, existsSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { InputError } from "../src/errors.js";
import { applyGate } from "../src/report/gate.js";
import type { Report } from "../src/report/report.js";
import { registryFolder } from "../src/registry/resolve.js";
import { CONTRACT_FILE } from "../src/registry/snapshot.js";
import { hideBelow, selectPaths } from "../src/report/select.js";
import { verdictLine } from "../src/report/text.js";
import { FORMAT_NAMES, type FormatName, type ReportArgs } from "./report-options.js";

type Formatter = (report: Report) => string;

/** Each formatter loads when a run asks for its format: SARIF and Markdown read the whole rule catalog. */
const FORMATTERS: Record<FormatName, () => Promise<Formatter>> = {
  text: async () => (await import("../src/report/text.js")).formatText,
  json: async () => (await import("../src/report/json.js")).formatJson,
  sarif: async () => (await import("../src/report/sarif.js")).formatSarif,
  github: async () => (await import("../src/report/github.js")).formatGithub,
  junit: async () => (await import("../src/report/junit.js")).formatJunit,
  markdown: async () => (await import("../src/report/markdown.js")).formatMarkdown,
};

export interface Output {
  format: string;
  file?: string;
}

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realTarget(file: string): string {
  const abs = resolve(file);
  if (existsSync(abs)) return realpathSync(abs);
  return existsSync(dirname(abs)) ? join(realpathSync(dirname(abs)), basename(abs)) : abs;
}

const inside = (path: string, root: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Parses `--format F[=FILE]` values: at most one goes to stdout (text when none is given), no two
 * to the same file, and none into `protect` (the registry folders read) under a name charter
 * would read there: a report never overwrites what it reports on, nor becomes a contract.
 */
export function parseFormats(values: string[], protect: string[] = [], names: readonly string[] = FORMAT_NAMES): Output[] {
  const outputs = (values.length ? values : ["text"]).map((value) => {
    const [format, file] = value.split(/=(.*)/s, 2);
    if (!names.includes(format)) throw new InputError(`unknown format "${format}": expected one of ${names.join(", ")}`);
    return { format, file: file || undefined };
  });
  if (outputs.filter((o) => !o.file).length > 1) throw new InputError("only one --format can go to stdout; give the others a file (--format sarif=charter.sarif)");
  const targets = new Map<string, string>();
  const roots = protect.map((p) => (existsSync(p) ? realpathSync(p) : resolve(p)));
  for (const { format, file } of outputs) {
    if (!file) continue;
    const target = realTarget(file);
    const earlier = targets.get(target);
    if (earlier) throw new InputError(`--format ${earlier} and --format ${format} both write ${file}: give each its own file`);
    targets.set(target, format);
    // Inside a registry, only files charter never reads: a report there named *.json or *.yaml
    // would be read as a contract by the next run (or overwrite one). A SARIF or JUnit file at the
    // root of a registry that is the whole repository is fine.
    const root = roots.find((r) => inside(target, r));
    if (root && CONTRACT_FILE.test(target)) {
      const extension = extname(target);
      throw new InputError(`--format ${format}=${file} is inside the registry ${relative(process.cwd(), root) || "."}, where charter reads ${extension} files as contracts: write the report elsewhere`);
    }
  }
  return outputs;
}

/** Writes each output; when none goes to stdout, a one-line verdict on stderr says what happened. */
export function writeOutputs(outputs: Output[], render: (format: string) => string, summary: string): void {
  for (const { format, file } of outputs) {
    const text = render(format);
    if (file) writeFileSync(file, text);
    else process.stdout.write(text);
  }
  if (outputs.every((o) => o.file)) {
    process.stderr.write(`${summary}; wrote ${outputs.map((o) => `${o.format} to ${o.file}`).join(", ")}\n`);
  }
}

/**
 * The report as the user asked for it: limited to --path/--exclude-path, judged at --fail-on,
 * shown from --severity up, written in each --format. Returns the exit code.
 */
export async function writeReport(full: Report, outputs: Output[], args: ReportArgs, base: string): Promise<number> {
  const selected = selectPaths(full, { base, include: args.path, exclude: args.excludePath });
  const judged = applyGate(selected, args.failOn);
  const report = hideBelow(judged, args.severity);
  // parseFormats has checked every name.
  const formatters = new Map(await Promise.all(outputs.map(async (o) => [o.format, await FORMATTERS[o.format as FormatName]()] as const)));
  writeOutputs(outputs, (format) => formatters.get(format)!(report), verdictLine(report));
  // Annotations alone do not say whether the run passed: in GitHub Actions the github format
  // also appends the Markdown report to the job's summary page (the file Actions names).
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary && outputs.some((o) => o.format === "github")) appendFileSync(stepSummary, (await FORMATTERS.markdown())(report));
  return report.summary.passed ? 0 : 1;
}

/** What a run reads from disk (the input's registry, and AGAINST when it is a path): no report may be written there. */
export function readPaths(input: string, against: string | undefined, cwd: string): string[] {
  const paths = existsSync(resolve(cwd, input)) ? [registryFolder(input, cwd)] : [];
  if (against !== undefined && !against.startsWith("git:") && existsSync(resolve(cwd, against))) paths.push(registryFolder(against, cwd));
  return paths;
}
