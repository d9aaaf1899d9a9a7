import type { AnyDesc, DescFile } from "@bufbuild/protobuf";
import type { AsyncApiDocument } from "../contracts/asyncapi/document.js";
import type { JsonSchemaDocument } from "../contracts/jsonschema/document.js";
import type { OpenApiDocument } from "../contracts/openapi/document.js";
import type { ProtoImage } from "../contracts/proto/image.js";
import type { AsyncApiModel } from "../compat/asyncapi/model.js";
import type { ContractKind, Severity, SourceLocation } from "../compat/finding.js";
import type { SchemaPointer, SchemaSource } from "../compat/schema/source.js";
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
  check(ctx: LintContext<ContractOf<K>>): void;
}

/** A lint rule as its file writes it: the id of its catalog entry, and the check over the entry's kinds. */
export interface LintRuleDef<I extends LintRuleId> {
  id: I;
  check(ctx: LintContext<ContractOf<LintKindsOf<I>>>): void;
}

interface ContractBase {
  /** Identity as DESIGN.md §3 defines it per kind. */
  id: string;
  /** Registry-relative path of (the first file of) the contract. */
  path: string;
  /** API contracts (OpenAPI, proto packages with a service) as opposed to data contracts. */
  api: boolean;
}

export interface ProtoContract extends ContractBase {
  kind: "proto";
  /** The package's files in the compiled image of the whole registry. */
  files: DescFile[];
  image: ProtoImage;
  /**
   * The comment text on an element's line and on the comment lines right above it, each line's
   * text after `//` (or inside `/* *\/`), trimmed: where charter's `charter:` directives live.
   */
  comments(desc: AnyDesc): string[];
  /** The package's files as written (registry-relative path and text), for file-wide directives. */
  sources: { path: string; text: string }[];
}

export interface OpenApiContract extends ContractBase {
  kind: "openapi";
  document: OpenApiDocument;
  schemas: SchemaSource;
}

export interface AsyncApiContract extends ContractBase {
  kind: "asyncapi";
  document: AsyncApiDocument;
  schemas: SchemaSource;
  model: AsyncApiModel;
}

export interface JsonSchemaContract extends ContractBase {
  kind: "jsonschema";
  document: JsonSchemaDocument;
  schemas: SchemaSource;
}

export type LintContract = ProtoContract | OpenApiContract | AsyncApiContract | JsonSchemaContract;
export type ContractOf<K extends ContractKind> = Extract<LintContract, { kind: K }>;

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

export interface LintContext<C extends LintContract = LintContract> {
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
