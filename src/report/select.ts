import type { Finding, Severity } from "../compat/finding.js";
import { matchesGlob } from "../registry/glob.js";
import { finaliseReport } from "./finalise.js";
import { SEVERITIES } from "./gate.js";
import type { Report } from "./report.js";

export interface PathFilter {
  /** Where the registry sits in report paths (Snapshot.base). */
  base: string;
  /** Registry-relative globs or folders; none means every path. */
  include: string[];
  exclude: string[];
}

/** A glob matches the path itself, or a folder or file above it (`orders` holds `orders/a.yaml`), as buf's --path does. */
const matches = (path: string, pattern: string): boolean => {
  const glob = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  return matchesGlob(path, glob) || matchesGlob(path, `${glob}/**`);
};

const selected = (path: string, filter: PathFilter): boolean =>
  (filter.include.length === 0 || filter.include.some((p) => matches(path, p))) && !filter.exclude.some((p) => matches(path, p));

/**
 * The report limited to some of the registry's files (`--path`, `--exclude-path`): a finding is
 * kept when its file is, a contract when its file is or a kept finding names it. Counts and
 * verdicts are recomputed, so excluded files fail nothing.
 */
export function selectPaths(report: Report, filter: PathFilter): Report {
  if (!filter.include.length && !filter.exclude.length) return report;
  const prefix = filter.base === "" || filter.base === "." ? "" : `${filter.base}/`;
  const relative = (file: string) => (prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file);
  const contractKept = new Set(report.contracts.filter((c) => selected(c.path, filter)).map((c) => `${c.kind}\0${c.id}`));
  const findings = report.findings.filter((f) => {
    const file = (f.location ?? f.before)?.file;
    return file === undefined ? contractKept.has(`${f.kind}\0${f.contract}`) : selected(relative(file), filter);
  });
  const named = new Set(findings.map((f) => `${f.kind}\0${f.contract}`));
  const contracts = report.contracts.filter((c) => contractKept.has(`${c.kind}\0${c.id}`) || named.has(`${c.kind}\0${c.id}`));
  return finaliseReport({ input: report.input, against: report.against, contracts, findings });
}

/**
 * The findings a reader asked to see (`--severity warning` hides infos). Only what is shown
 * changes: the summary still counts every finding and the verdict is the whole report's.
 */
export function hideBelow(report: Report, lowest: Severity): Report {
  const min = SEVERITIES.indexOf(lowest);
  const findings: Finding[] = report.findings.filter((f) => SEVERITIES.indexOf(f.severity) >= min);
  return findings.length === report.findings.length ? report : { ...report, findings };
}
