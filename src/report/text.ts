import { counts, place, plural } from "./group.js";
import type { Report } from "./report.js";

/** One line per finding, `file:line:col severity RULE message`, then a summary line. */
export function formatText(report: Report): string {
  const lines = report.findings.map((f) => {
    const verdicts = f.category === "breaking" ? ` [backward ${f.backward}, forward ${f.forward}]` : "";
    return `${place(f) ?? f.contract} ${f.severity} ${f.rule} ${f.message}${verdicts}`;
  });
  const s = report.summary;
  // A lint report compares nothing, so it has no `against` to name.
  const against = report.against.length ? ` (against ${report.against.join(", ")})` : "";
  lines.push(`${s.passed ? "passed" : "failed"}: ${plural(s.contracts, "contract")}, ${counts(s)}${against}`);
  return `${lines.join("\n")}\n`;
}
