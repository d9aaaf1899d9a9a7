import { kindInfo } from "../contracts/kinds.js";
import { affectsText, counts, groupByContract, place, plural } from "./group.js";
import type { Report } from "./report.js";

/** `passed: 6 contracts, 0 errors, 2 warnings, 10 infos (against git:main)`: the verdict alone. */
export function verdictLine(report: Report): string {
  const s = report.summary;
  // A lint report compares nothing, so it has no `against` to name.
  const against = report.against.length ? ` (against ${report.against.join(", ")})` : "";
  const hidden = s.findings - report.findings.length;
  return `${s.passed ? "passed" : "failed"}: ${plural(s.contracts, "contract")}, ${counts(s)}${against}${hidden ? `; ${plural(hidden, "finding")} below --severity not shown` : ""}`;
}

/**
 * One line per finding, `file:line:col severity RULE message`, then, once per contract with
 * breaking errors, what to do instead (the ship-it hint), then the verdict. A finding against
 * an older release than the main one (transitive modes) names it.
 */
export function formatText(report: Report): string {
  const main = report.against[report.against.length - 1];
  const lines = report.findings.map((f) => {
    const verdicts = f.category === "breaking" ? ` [backward ${f.backward}, forward ${f.forward}]` : "";
    const release = f.against && f.against !== main ? ` (against ${f.against})` : "";
    const affects = affectsText(f);
    return `${place(f) ?? f.contract} ${f.severity} ${f.rule} ${f.message}${affects ? ` (${affects})` : ""}${release}${verdicts}`;
  });
  for (const group of groupByContract(report)) {
    const broken = group.findings.find((f) => f.category === "breaking" && f.severity === "error");
    if (broken) lines.push(`${group.id}: ${kindInfo(broken.kind).shipHint(group.id)}`);
  }
  lines.push(verdictLine(report));
  return `${lines.join("\n")}\n`;
}
