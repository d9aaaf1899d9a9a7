import type { ContractSummary, Finding } from "../compat/finding.js";
import type { Report } from "./report.js";

export interface ContractGroup {
  id: string;
  /** Absent for a contract that only findings name (a lint report lists no contracts). */
  summary?: ContractSummary;
  findings: Finding[];
}

/**
 * The report's findings per contract: the listed contracts in report order, then any contract
 * that only findings name, in the order they first appear.
 */
export function groupByContract(report: Report): ContractGroup[] {
  const groups = new Map<string, ContractGroup>(report.contracts.map((c) => [c.id, { id: c.id, summary: c, findings: [] }]));
  for (const finding of report.findings) {
    let group = groups.get(finding.contract);
    if (!group) groups.set(finding.contract, (group = { id: finding.contract, findings: [] }));
    group.findings.push(finding);
  }
  return [...groups.values()];
}

/** `file:line:col`, or undefined for a finding that points nowhere. */
export function place(finding: Finding): string | undefined {
  const loc = finding.location ?? finding.before;
  return loc && `${loc.file}:${loc.line}:${loc.column}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `4 errors, 2 warnings, 9 infos`: the counts every format's verdict line shows. */
export function counts(summary: Report["summary"]): string {
  return `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "info")}`;
}
