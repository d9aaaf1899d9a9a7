import type { Report } from "./report.js";

/** The report as JSON, keys in the order of ARCHITECTURE.md, "The compatibility model". */
export function formatJson(report: Report): string {
  const findings = report.findings.map((f) => ({
    category: f.category,
    rule: f.rule,
    kind: f.kind,
    contract: f.contract,
    against: f.against,
    severity: f.severity,
    ...(f.category === "breaking" ? { backward: f.backward, forward: f.forward } : {}),
    message: f.message,
    ...(f.location ? { location: f.location } : {}),
    ...(f.before ? { before: f.before } : {}),
    ...(f.affects ? { affects: f.affects } : {}),
    fingerprint: f.fingerprint,
  }));
  return `${JSON.stringify({ ...report, findings }, null, 2)}\n`;
}
