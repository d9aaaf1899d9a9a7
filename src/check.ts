import { summarize, type Report } from "./report/report.js";

/**
 * `charter check`: house rules and breaking changes in one report. Contracts come from the
 * breaking report (which knows their change and mode); lint findings join theirs.
 */
export function mergeReports(lint: Report, breaking: Report): Report {
  const findings = [...lint.findings, ...breaking.findings];
  const listed = new Set(breaking.contracts.map((c) => `${c.kind}\0${c.id}`));
  const contracts = [...breaking.contracts, ...lint.contracts.filter((c) => !listed.has(`${c.kind}\0${c.id}`))].map((c) => ({
    ...c,
    passed: !findings.some((f) => f.kind === c.kind && f.contract === c.id && f.severity === "error"),
  }));
  return { ...breaking, contracts, findings, summary: summarize(contracts, findings) };
}
