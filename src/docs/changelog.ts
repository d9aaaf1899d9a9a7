import { runBreaking } from "../breaking.js";
import type { ContractChange, Severity } from "../compat/finding.js";
import type { Verdict } from "../compat/verdict.js";
import type { Snapshot } from "../registry/snapshot.js";
import { changelogOf, type ChangelogContract } from "../report/changelog.js";
import { anchor } from "./ids.js";

/** One version of the registry: a release tag or a commit, oldest first in a history. */
export interface Version {
  label: string;
  /** Date of the commit (YYYY-MM-DD), when known. */
  date?: string;
  /** The commit's subject line, when known. */
  subject?: string;
  snapshot: Snapshot;
}

/** What one version did to one contract, judged against the version before it. */
export interface ChangelogEntry {
  id: string;
  version: string;
  date?: string;
  previous?: string;
  change: ContractChange;
  backward: Verdict;
  forward: Verdict;
  /** No finding is an error under the contract's mode. */
  passed: boolean;
  findings: { severity: Severity; rule: string; element: string; message: string; backward: Verdict; forward: Verdict }[];
}

/** One version of the whole registry: the `changelog` command's release notes from the version before, with each contract's verdicts. */
export interface RegistryStep {
  id: string;
  version: string;
  date?: string;
  subject?: string;
  previous?: string;
  contracts: (ChangelogContract & { backward: Verdict; forward: Verdict; passed: boolean })[];
}

export interface Changelog {
  /** Entries by contract (`kind id`), newest first; versions that left a contract unchanged are left out. */
  entries: Map<string, ChangelogEntry[]>;
  /** The registry's versions that changed a contract, newest first (the registry-wide changelog page). */
  steps: RegistryStep[];
  /** Steps that could not be compared (a version that does not load), to say so rather than fail the site. */
  problems: { version: string; message: string }[];
}

export const contractKey = (kind: string, id: string): string => `${kind} ${id}`;

/**
 * The compatibility changelog: `charter breaking` between each pair of consecutive versions, so
 * every step is judged exactly as CI judges a pull request. The first version is compared with an
 * empty registry, which makes each of its contracts "added".
 */
export async function buildChangelog(versions: Version[]): Promise<Changelog> {
  const entries = new Map<string, ChangelogEntry[]>();
  const problems: Changelog["problems"] = [];
  const steps: RegistryStep[] = [];
  for (const [i, version] of versions.entries()) {
    const previous = versions[i - 1];
    const against: Snapshot = previous?.snapshot ?? { label: "nothing", files: new Map(), base: version.snapshot.base };
    let report;
    try {
      // History is read, not gated: skip the AsyncAPI parser's validation (the current version is linted by `charter check`).
      report = await runBreaking(version.snapshot, against, { validate: false });
    } catch (error) {
      problems.push({ version: version.label, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const verdicts = new Map(report.contracts.map((c) => [contractKey(c.kind, c.id), c]));
    const notes = changelogOf(report).contracts.map((c) => {
      const summary = verdicts.get(contractKey(c.kind, c.id));
      return { ...c, backward: summary?.backward ?? "compatible", forward: summary?.forward ?? "compatible", passed: summary?.passed ?? true };
    });
    // A contract changed only where nothing is compared (a description) has no release notes, but it changed.
    for (const c of report.contracts) {
      if (c.change !== "unchanged" && !notes.some((n) => n.kind === c.kind && n.id === c.id)) {
        notes.push({ id: c.id, kind: c.kind, path: c.path, mode: c.mode, change: c.change, entries: [], backward: c.backward, forward: c.forward, passed: c.passed });
      }
    }
    if (notes.length) steps.unshift({ id: anchor("version", version.label), version: version.label, date: version.date, subject: version.subject, previous: previous?.label, contracts: notes });
    for (const contract of report.contracts) {
      if (contract.change === "unchanged") continue;
      const key = contractKey(contract.kind, contract.id);
      const findings = report.findings
        .filter((f) => f.category === "breaking" && f.kind === contract.kind && f.contract === contract.id)
        .map(({ severity, rule, element, message, backward, forward }) => ({ severity, rule, element, message, backward, forward }));
      const entry: ChangelogEntry = {
        id: anchor("version", version.label),
        version: version.label,
        date: version.date,
        previous: previous?.label,
        change: contract.change,
        backward: contract.backward,
        forward: contract.forward,
        passed: contract.passed,
        findings,
      };
      entries.set(key, [entry, ...(entries.get(key) ?? [])]);
    }
  }
  return { entries, steps, problems };
}
