import type { Finding } from "./compat/finding.js";
import { runBreaking, type BreakingOptions } from "./breaking.js";
import type { Snapshot } from "./registry/snapshot.js";
import { finaliseReport } from "./report/finalise.js";
import type { Report } from "./report/report.js";

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
    // The proposal's schema warnings are the same against every release: the primary report has them.
    for (const finding of report.findings) if (finding.category === "breaking" && transitive.has(`${finding.kind}\0${finding.contract}`)) findings.push(finding);
  }
  for (const finding of primary.findings) findings.push(finding);
  return finaliseReport({ input: primary.input, against: [...labels, ...primary.against], contracts: primary.contracts, findings });
}
