import { finaliseReport } from "./report/finalise.js";
import type { Report } from "./report/report.js";

/**
 * `charter check`: house rules and breaking changes in one report. Contracts come from the
 * breaking report (which knows their change and mode); lint findings join theirs. The breaking
 * report's own schema warnings are left out: lint reports the same violations as errors.
 */
export function mergeReports(lint: Report, breaking: Report): Report {
  const findings = [...lint.findings, ...breaking.findings.filter((f) => f.category === "breaking")];
  const listed = new Set(breaking.contracts.map((c) => `${c.kind}\0${c.id}`));
  const contracts = [...breaking.contracts, ...lint.contracts.filter((c) => !listed.has(`${c.kind}\0${c.id}`))];
  return finaliseReport({ input: breaking.input, against: breaking.against, contracts, findings });
}
