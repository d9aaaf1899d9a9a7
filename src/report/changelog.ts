import type { ContractChange, ContractKind, Finding, Severity, SourceLocation } from "../compat/finding.js";
import type { Verdict } from "../compat/verdict.js";
import { groupByContract } from "./group.js";
import type { Report } from "./report.js";

/** One change between two versions, as release notes list it. */
export interface ChangelogEntry {
  rule: string;
  /** The gate's judgement under the contract's mode: error is breaking, warning needs care. */
  severity: Severity;
  backward: Verdict;
  forward: Verdict;
  message: string;
  location?: SourceLocation;
  /** The operations a change to a shared schema reaches. */
  affects?: string[];
}

export interface ChangelogContract {
  id: string;
  kind: ContractKind;
  path?: string;
  change: ContractChange;
  mode?: string;
  entries: ChangelogEntry[];
}

/** Every change from one version of a registry to another, per contract: the model of release notes. */
export interface Changelog {
  /** The newer version. */
  to: string;
  /** The older version. */
  from: string;
  contracts: ChangelogContract[];
  summary: { contracts: number; changes: number; breaking: number; warnings: number };
}

const entryOf = (f: Finding): ChangelogEntry => ({
  rule: f.rule,
  severity: f.severity,
  backward: f.backward,
  forward: f.forward,
  message: f.message,
  ...((f.location ?? f.before) ? { location: f.location ?? f.before } : {}),
  ...(f.affects ? { affects: f.affects } : {}),
});

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The changelog of a breaking report (charter breaking's findings, every severity): contracts
 * that changed, each with all its changes, breaking ones first. Lint findings are left out: they
 * judge one version, not a change. Pure, so the docs site can build its changelog pages from it.
 */
export function changelogOf(report: Report): Changelog {
  const contracts: ChangelogContract[] = [];
  for (const { id, summary, findings } of groupByContract(report)) {
    const changes = findings.filter((f) => f.category === "breaking");
    const change = summary?.change ?? "modified";
    // A contract listed without changes is unchanged, or changed only where nothing is compared.
    if (!changes.length && change !== "added" && change !== "removed") continue;
    contracts.push({
      id,
      kind: summary?.kind ?? changes[0].kind,
      ...(summary ? { path: summary.path, mode: summary.mode } : {}),
      change,
      entries: changes.map(entryOf).sort((a, b) => RANK[a.severity] - RANK[b.severity]),
    });
  }
  const all = contracts.flatMap((c) => c.entries);
  return {
    to: report.input,
    from: report.against[report.against.length - 1] ?? "",
    contracts,
    summary: {
      contracts: contracts.length,
      changes: all.length,
      breaking: all.filter((e) => e.severity === "error").length,
      warnings: all.filter((e) => e.severity === "warning").length,
    },
  };
}
