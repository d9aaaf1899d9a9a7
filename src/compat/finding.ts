import type { RuleId } from "../rules/catalog.js";
import type { ContractKind, Severity } from "../rules/rule-meta.js";
import type { Verdict } from "./verdict.js";

export type { ContractKind, Severity };

/** A place in a source file: 1-based line and column. `file` is relative to the registry root. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A breaking-change finding as the core produces it, before modes turn verdicts into severities. */
export interface Change {
  /** A rule of the catalog (src/rules/catalog.ts): an id it does not hold does not compile. */
  rule: RuleId;
  kind: ContractKind;
  contract: string;
  backward: Verdict;
  forward: Verdict;
  message: string;
  location?: SourceLocation;
  before?: SourceLocation;
  /** The stable semantic key of the element (ARCHITECTURE.md, "The compatibility model"), without rule and contract. */
  element: string;
  /** Set when the changed element is marked unstable (e.g. `x-stability-level: beta`): reported, not gated. */
  unstable?: boolean;
  /**
   * The operations a change written once reaches (`GET /v1/charges`), for a change to a schema that
   * many of them use: one finding per change, not per operation (DESIGN §5).
   */
  affects?: string[];
  /** The per-operation elements charter 1 keyed this change by, so baselines written then still match. */
  legacy?: string[];
}

export interface Finding extends Change {
  /** `breaking` and `lint` judge contracts; `verify` judges a running service against its contract. */
  category: "breaking" | "lint" | "verify";
  against: string;
  severity: Severity;
  fingerprint: string;
}

export type ContractChange = "added" | "removed" | "modified" | "unchanged";

export interface ContractSummary {
  id: string;
  kind: ContractKind;
  path: string;
  change: ContractChange;
  mode: string;
  backward: Verdict;
  forward: Verdict;
  passed: boolean;
}
