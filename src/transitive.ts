import type { ContractSummary, Finding } from "./compat/finding.js";
import { worst } from "./compat/verdict.js";
import { runBreaking, type BreakingOptions } from "./breaking.js";
import type { Snapshot } from "./registry/snapshot.js";
import { summarize, type Report } from "./report/report.js";

const isTransitive = (mode: string) => mode.endsWith("_TRANSITIVE");

/**
 * Breaking changes against AGAINST and, for contracts in a `_TRANSITIVE` mode, against every
 * released version too (oldest first), as Confluent Schema Registry does: a change compatible
 * with the last release may still break data written under the first. One report; each finding
 * names the version it is against.
 */
export async function runBreakingWithReleases(
  input: Snapshot,
  against: Snapshot,
  releases: () => Snapshot[],
  options: BreakingOptions = {},
): Promise<Report> {
  const primary = await runBreaking(input, against, options);
  const transitive = new Set(primary.contracts.filter((c) => isTransitive(c.mode)).map((c) => `${c.kind}\0${c.id}`));
  if (transitive.size === 0) return primary;
  const findings: Finding[] = [];
  const labels: string[] = [];
  for (const release of releases()) {
    if (release.label === against.label) continue;
    const report = await runBreaking(input, release, options);
    labels.push(release.label);
    findings.push(...report.findings.filter((f) => transitive.has(`${f.kind}\0${f.contract}`)));
  }
  findings.push(...primary.findings);
  const contracts: ContractSummary[] = primary.contracts.map((contract) => {
    const mine = findings.filter((f) => f.kind === contract.kind && f.contract === contract.id);
    return {
      ...contract,
      backward: worst(...mine.map((f) => f.backward)),
      forward: worst(...mine.map((f) => f.forward)),
      passed: !mine.some((f) => f.severity === "error"),
    };
  });
  return { ...primary, against: [...labels, ...primary.against], contracts, findings, summary: summarize(contracts, findings) };
}
