import { appendFileSync, writeFileSync } from "node:fs";
import { InputError } from "../src/errors.js";
import { formatGithub } from "../src/report/github.js";
import { formatJson } from "../src/report/json.js";
import { formatJunit } from "../src/report/junit.js";
import { formatMarkdown } from "../src/report/markdown.js";
import type { Report } from "../src/report/report.js";
import { formatSarif } from "../src/report/sarif.js";
import { formatText } from "../src/report/text.js";

const FORMATTERS: Record<string, (report: Report) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  markdown: formatMarkdown,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);

interface Output {
  format: string;
  file?: string;
}

/** Parses `--format F[=FILE]` values: at most one goes to stdout, text when none is given. */
export function parseFormats(values: string[]): Output[] {
  const outputs = (values.length ? values : ["text"]).map((value) => {
    const [format, file] = value.split(/=(.*)/s, 2);
    if (!FORMATTERS[format]) throw new InputError(`unknown format "${format}": expected one of ${FORMAT_NAMES.join(", ")}`);
    return { format, file: file || undefined };
  });
  if (outputs.filter((o) => !o.file).length > 1) throw new InputError("only one --format can go to stdout; give the others a file (--format sarif=charter.sarif)");
  return outputs;
}

export function writeReport(report: Report, outputs: Output[]): void {
  for (const { format, file } of outputs) {
    const text = FORMATTERS[format](report);
    if (file) writeFileSync(file, text);
    else process.stdout.write(text);
  }
  // Annotations alone do not say whether the run passed: in GitHub Actions the github format
  // also appends the Markdown report to the job's summary page (the file Actions names).
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (summary && outputs.some((o) => o.format === "github")) appendFileSync(summary, formatMarkdown(report));
}
