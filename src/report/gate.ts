import type { Finding, Severity } from "../compat/finding.js";
import type { Report } from "./report.js";

export const SEVERITIES: Severity[] = ["info", "warning", "error"];

const rank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** Whether a finding fails the gate when findings of `failOn` and worse fail it. */
export const fails = (finding: Finding, failOn: Severity): boolean => rank(finding.severity) >= rank(failOn);

/**
 * The verdicts of a report under a threshold (`--fail-on`): the report and each contract pass
 * when none of their findings is `failOn` or worse. `--strict` works before this, on severities
 * (conditional changes become errors); the threshold only says which severities fail.
 */
export function applyGate(report: Report, failOn: Severity): Report {
  const failing = report.findings.filter((f) => fails(f, failOn));
  const contracts = report.contracts.map((c) => ({ ...c, passed: !failing.some((f) => f.kind === c.kind && f.contract === c.id) }));
  return { ...report, contracts, summary: { ...report.summary, passed: failing.length === 0 } };
}
