import { InputError } from "./errors.js";
import { parseYamlSource } from "./registry/yaml-source.js";
import type { ContractKind, Finding } from "./compat/finding.js";
import { finaliseReport } from "./report/finalise.js";
import type { Report } from "./report/report.js";

/**
 * Findings a team has accepted for now, by fingerprint (stable across runs and line moves). Each
 * entry may say why and until when; once its date has passed, the entry fails the run, so an
 * accepted problem cannot be forgotten.
 */
export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  kind: ContractKind;
  contract: string;
  reason?: string;
  /** YYYY-MM-DD: the last day the entry holds. */
  expires?: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD: `2020-13-45` and `2021-02-29` are not. */
function isDay(value: string): boolean {
  const day = new Date(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/**
 * Reads a baseline file; every problem is one located line. Each entry needs a reason: an
 * accepted problem nobody can explain is not accepted. `draft` reads a file --write-baseline is
 * rewriting, whose new entries have no reason yet.
 */
export function parseBaseline(text: string, file: string, options: { draft?: boolean } = {}): Baseline {
  const source = parseYamlSource(file, text);
  const fail = (message: string, segments: string[], key = false): never => {
    const { line, column } = source.position(segments, key);
    throw new InputError(message, file, line, column);
  };
  const baseline = source.value as Partial<Baseline> | null;
  if (baseline?.version !== 1 || !Array.isArray(baseline.entries)) fail('a baseline needs "version": 1 and an "entries" list', []);
  baseline!.entries!.forEach((entry, i) => {
    const at = ["entries", String(i)];
    if (typeof entry?.fingerprint !== "string") fail(`entry ${i} has no "fingerprint"`, at);
    if (entry.expires !== undefined && (typeof entry.expires !== "string" || !isDay(entry.expires))) {
      fail(`entry ${i}: "expires" must be a date, YYYY-MM-DD, not ${JSON.stringify(entry.expires)}`, [...at, "expires"]);
    }
    if (options.draft) return;
    if (typeof entry.reason !== "string" || !entry.reason.trim()) {
      fail(`entry ${i} (${entry.rule ?? entry.fingerprint}) has no "reason": say why the finding is accepted`, entry.reason === undefined ? at : [...at, "reason"]);
    }
  });
  return baseline as Baseline;
}

/**
 * The fingerprints charter 1 gave a finding, one per operation it affects (rule + contract + the
 * operation's element), before one finding per change carried them all: baselines written then
 * keep accepting it.
 */
const legacyFingerprints = (f: Finding): string[] => (f.legacy ?? []).map((element) => `${f.rule}:${f.contract}:${element}`);

/** The entry of `entries` that accepts a finding: by its fingerprint, else by any of its legacy ones. */
function entryFor<T>(entries: Map<string, T>, f: Finding): T | undefined {
  const direct = entries.get(f.fingerprint);
  if (direct || !f.legacy) return direct;
  for (const fingerprint of legacyFingerprints(f)) {
    const entry = entries.get(fingerprint);
    if (entry) return entry;
  }
  return undefined;
}

/**
 * Today's errors and warnings as a baseline; entries already in `previous` keep their reason and
 * expiry, also when they were written under a finding's legacy fingerprint (the entry is rewritten
 * under the new one).
 */
export function baselineOf(report: Report, previous?: Baseline): Baseline {
  const kept = new Map(previous?.entries.map((e) => [e.fingerprint, e]));
  const entries = new Map<string, BaselineEntry>();
  for (const f of report.findings) {
    if (f.severity === "info" || entries.has(f.fingerprint)) continue;
    const old = entryFor(kept, f);
    entries.set(f.fingerprint, { fingerprint: f.fingerprint, rule: f.rule, kind: f.kind, contract: f.contract, reason: old?.reason ?? "", ...(old?.expires ? { expires: old.expires } : {}) });
  }
  return { version: 1, entries: [...entries.values()] };
}

/** Drops the findings a baseline accepts; an entry past its date becomes an error of its own. */
export function applyBaseline(report: Report, baseline: Baseline, file: string, today: Date): Report {
  const day = today.toISOString().slice(0, 10);
  const accepted = new Map(baseline.entries.filter((e) => !e.expires || e.expires >= day).map((e) => [e.fingerprint, e]));
  const expired: Finding[] = baseline.entries
    .filter((e) => e.expires && e.expires < day)
    .map((e) => ({
      category: "lint",
      rule: "baseline-entry-expired",
      kind: e.kind,
      contract: e.contract,
      against: "",
      severity: "error",
      backward: "compatible",
      forward: "compatible",
      message: `The baseline entry for ${e.rule} (${e.fingerprint}) expired on ${e.expires}${e.reason ? ` (${e.reason})` : ""}: fix the finding, or extend the entry in ${file} on purpose.`,
      element: e.fingerprint,
      fingerprint: `baseline-entry-expired:${e.fingerprint}`,
    }));
  // A finding one of whose per-operation fingerprints was accepted is accepted: the entry accepted this change.
  const findings = [...report.findings.filter((f) => !entryFor(accepted, f)), ...expired];
  return finaliseReport({ input: report.input, against: report.against, contracts: report.contracts, findings });
}
