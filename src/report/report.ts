import type { ContractSummary, Finding } from "../compat/finding.js";

/** The JSON report of ARCHITECTURE.md, "The compatibility model": a public interface, validated by schemas/report.schema.json. */
export interface Report {
  /** 2 since findings carry `affects` (one finding per change, not per operation). */
  version: 2;
  tool: { name: "charter"; version: string };
  input: string;
  against: string[];
  contracts: ContractSummary[];
  findings: Finding[];
  summary: { contracts: number; findings: number; errors: number; warnings: number; infos: number; passed: boolean };
}

export function summarize(contracts: ContractSummary[], findings: Finding[]): Report["summary"] {
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  const errors = count("error");
  return { contracts: contracts.length, findings: findings.length, errors, warnings: count("warning"), infos: count("info"), passed: errors === 0 };
}
