import type { Verdict } from "../compat/verdict.js";

/**
 * What a rule is, as plain data: the one entry every reader (SARIF and Markdown metadata,
 * `charter lint --explain`, `charter rules`) reads. Catalog files under `src/rules/catalog/`
 * export `readonly` arrays of entries written `as const satisfies readonly RuleMeta[]`, so the
 * ids stay literal and `RuleId` (src/rules/catalog.ts) is the union of every id.
 *
 * This module is a leaf (it imports only types from a leaf), so the catalog loads nothing heavy.
 */

/** The kinds of contract charter reads. Defined here, a leaf, so the catalog needs no engine's types. */
export type ContractKind = "proto" | "openapi" | "asyncapi" | "jsonschema";

export type Severity = "error" | "warning" | "info";

/** Which command reports the rule: `breaking` compares two versions, `lint` reads one, `verify` drives a running service. */
export type RuleCheck = "breaking" | "lint" | "verify";

/** buf's breaking categories, nested: WIRE within WIRE_JSON within PACKAGE within FILE. */
export type BufBreakingCategory = "FILE" | "PACKAGE" | "WIRE_JSON" | "WIRE";

/** The tool a rule is named after, and its id there, so users porting a config find the same name. */
export interface RulePeer {
  tool: "buf" | "oasdiff" | "Spectral";
  id: string;
}

/** Complete contract files (kind told by content) on which the rule fires (`bad`) and does not (`good`). */
export interface RuleExamples {
  bad: string;
  good: string;
  /** Other files the examples need (what a proto example imports), by registry path. */
  files?: Readonly<Record<string, string>>;
}

export interface RuleMeta {
  id: string;
  kinds: readonly ContractKind[];
  check: RuleCheck;
  /**
   * buf's category for proto rules (the narrowest one that holds the rule: WIRE within WIRE_JSON
   * within PACKAGE within FILE for breaking; MINIMAL, BASIC, STANDARD ... for lint), else the area of
   * the contract the rule looks at ("request", "response", "parameters", "security", "lifecycle",
   * "payload", "channel", "cloudevents", ...).
   */
  category: string;
  /**
   * Proto breaking rules: buf's categories per buf.yaml version, which select the rule (a rule
   * without a v1 entry is selectable by id in v2 only; charter's own rules are in none).
   */
  categories?: { v1?: readonly BufBreakingCategory[]; v2: readonly BufBreakingCategory[] };
  /** The verdicts a breaking rule gives by default, where it has one default (many depend on the change). */
  verdicts?: { backward: Verdict; forward: Verdict };
  /** The severity a lint rule reports at unless charter.yaml says otherwise; a verify rule's severity. */
  severity?: Severity;
  /** One paragraph: what the rule looks at and why it matters. */
  description: string;
  examples?: RuleExamples;
  peer?: RulePeer;
}
