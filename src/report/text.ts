import type { Finding } from "../compat/finding.js";
import type { Report } from "./report.js";

function where(finding: Finding): string {
  const loc = finding.location ?? finding.before;
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : finding.contract;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line per finding, `file:line:col severity RULE message`, then a summary line. */
export function formatText(report: Report): string {
  const lines = report.findings.map((f) => {
    const verdicts = f.category === "breaking" ? ` [backward ${f.backward}, forward ${f.forward}]` : "";
    return `${where(f)} ${f.severity} ${f.rule} ${f.message}${verdicts}`;
  });
  const s = report.summary;
  lines.push(
    `${s.passed ? "passed" : "failed"}: ${plural(s.contracts, "contract")}, ${plural(s.errors, "error")}, ` +
      `${plural(s.warnings, "warning")}, ${plural(s.infos, "info")} (against ${report.against.join(", ")})`,
  );
  return `${lines.join("\n")}\n`;
}
