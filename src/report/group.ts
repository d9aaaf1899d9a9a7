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

/** How many operations a report names before it says how many more there are. */
const SHOWN_OPERATIONS = 3;

/**
 * `in 623 operations: GET /v1/charges, GET /v1/refunds, POST /v1/charges and 620 more`, for a
 * finding that affects operations (a change to a schema many of them use); "" otherwise.
 */
export function affectsText({ affects }: { affects?: string[] }): string {
  if (!affects?.length) return "";
  const shown = affects.slice(0, SHOWN_OPERATIONS).join(", ");
  const more = affects.length - SHOWN_OPERATIONS;
  return `in ${plural(affects.length, "operation")}: ${shown}${more > 0 ? ` and ${more} more` : ""}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** `4 errors, 2 warnings, 9 infos`: the counts every format's verdict line shows. */
export function counts(summary: Report["summary"]): string {
  return `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}, ${plural(summary.infos, "info")}`;
}
