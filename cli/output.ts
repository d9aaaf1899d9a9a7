import { writeFileSync } from "node:fs";
import { InputError } from "../src/errors.js";
import { formatJson } from "../src/report/json.js";
import type { Report } from "../src/report/report.js";
import { formatText } from "../src/report/text.js";

const FORMATTERS: Record<string, (report: Report) => string> = { text: formatText, json: formatJson };

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
}
