import type { AnyDesc } from "@bufbuild/protobuf";
import type { ContractKind, Severity, SourceLocation } from "../compat/finding.js";
import type { SchemaPointer } from "../contracts/schema-pointer.js";
import type { Contract, ContractOf } from "../contracts/contract.js";
import type { ContractSettings } from "../registry/config.js";
import { lintMeta, type LintKindsOf, type LintRuleId } from "../rules/catalog.js";
import type { RuleMeta } from "../rules/rule-meta.js";

/**
 * A house rule (Redocly-style): plain data plus a `check` that reports problems. Rules never
 * decide severity, suppressions or locations: the runner does, from charter.yaml and the source.
 * The data is the rule's entry in the rule catalog (src/rules/catalog/*-lint.ts); `defineRule`
 * joins it to the check.
 */
export interface LintRule<K extends ContractKind = ContractKind> {
  /** buf's lint ID for proto, Spectral's for OpenAPI/AsyncAPI where one fits, else kebab-case. */
  id: LintRuleId;
  kinds: readonly K[];
  defaultSeverity: Severity;
  /** One paragraph, shown by `charter lint --explain`. */
  description: string;
  /** Complete contract files (kind told by content) on which the rule fires, and does not. */
  bad: string;
  good: string;
  /** Other files the examples need (what a proto example imports), by registry path. */
  exampleFiles?: Readonly<Record<string, string>>;
  /** May be async, to load what it needs only for registries that need it (PROTOVALIDATE). */
  check(ctx: LintContext<ContractOf<K>>): void | Promise<void>;
}

/** A lint rule as its file writes it: the id of its catalog entry, and the check over the entry's kinds. */
export interface LintRuleDef<I extends LintRuleId> {
  id: I;
  check(ctx: LintContext<ContractOf<LintKindsOf<I>>>): void | Promise<void>;
}

/**
 * Where a problem is: a proto element (narrowed by a descriptor sub-path), a place in a YAML/JSON
 * file, or a line and column of a registry file (a comment, which no descriptor holds).
 */
export type Place = { desc: AnyDesc; subPath?: number[] } | { at: SchemaPointer } | { line: SourceLocation };

export interface Problem {
  message: string;
  /** The element's stable semantic key for the fingerprint: a proto full name, `POST /orders`, a channel. */
  element: string;
  place: Place;
}

export interface LintContext<C extends Contract = Contract> {
  contract: C;
  /** charter.yaml's `contracts` entries that match this contract, merged. */
  settings: ContractSettings;
  today: Date;
  report(problem: Problem): void;
}

/**
 * Declares a rule: its catalog entry and its check. The cast is the one place kinds meet: the
 * runner calls `check` only with contracts of the rule's own kinds.
 */
export function defineRule<I extends LintRuleId>({ id, check }: LintRuleDef<I>): LintRule {
  const meta: RuleMeta = lintMeta(id);
  if (!meta.severity || !meta.examples) throw new Error(`the catalog entry of lint rule ${id} lacks a severity or examples`);
  const { bad, good, files } = meta.examples;
  return { id, kinds: meta.kinds, defaultSeverity: meta.severity, description: meta.description, bad, good, ...(files ? { exampleFiles: files } : {}), check } as unknown as LintRule;
}
