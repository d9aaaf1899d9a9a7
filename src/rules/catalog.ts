/**
 * The one rule catalog (ARCHITECTURE.md, "Rules"): every rule of every kind, breaking and lint,
 * as plain data that loads no engine. SARIF and Markdown metadata, `charter lint --explain` and
 * `charter rules` read it; `RuleId` is the union of its ids, so code that reports an id the
 * catalog does not hold does not compile.
 */
import { ASYNCAPI_BREAKING_RULES } from "./catalog/asyncapi-breaking.js";
import { ASYNCAPI_LINT_RULES } from "./catalog/asyncapi-lint.js";
import { ASYNCAPI_VERIFY_RULES } from "./catalog/asyncapi-verify.js";
import { AVRO_BREAKING_RULES } from "./catalog/avro-breaking.js";
import { CLOUDEVENTS_BREAKING_RULES } from "./catalog/cloudevents-breaking.js";
import { COMMON_LINT_RULES } from "./catalog/common-lint.js";
import { CONTRACT_BREAKING_RULES } from "./catalog/contract-breaking.js";
import { EXTENSION_RULES } from "./catalog/extensions.js";
import { JSONSCHEMA_BREAKING_RULES } from "./catalog/jsonschema-breaking.js";
import { OASDIFF_IDS } from "./catalog/oasdiff-ids.js";
import { OPENAPI_BREAKING_RULES } from "./catalog/openapi-breaking.js";
import { OPENAPI_LINT_RULES } from "./catalog/openapi-lint.js";
import { OPENAPI_VERIFY_RULES } from "./catalog/openapi-verify.js";
import { OPENAPI_SCHEMA_BREAKING_RULES } from "./catalog/openapi-schema-breaking.js";
import { PROTO_BREAKING_RULES } from "./catalog/proto-breaking.js";
import { PROTO_LINT_RULES } from "./catalog/proto-lint.js";
import { PROTO_VERIFY_RULES } from "./catalog/proto-verify.js";
import type { ContractKind, RuleCheck, RuleMeta } from "./rule-meta.js";

const SOURCES = [
  PROTO_BREAKING_RULES,
  OPENAPI_BREAKING_RULES,
  OPENAPI_SCHEMA_BREAKING_RULES,
  ASYNCAPI_BREAKING_RULES,
  AVRO_BREAKING_RULES,
  CLOUDEVENTS_BREAKING_RULES,
  JSONSCHEMA_BREAKING_RULES,
  CONTRACT_BREAKING_RULES,
  EXTENSION_RULES,
  PROTO_LINT_RULES,
  OPENAPI_LINT_RULES,
  ASYNCAPI_LINT_RULES,
  COMMON_LINT_RULES,
  OPENAPI_VERIFY_RULES,
  PROTO_VERIFY_RULES,
  ASYNCAPI_VERIFY_RULES,
] as const;

type AnyEntry = (typeof SOURCES)[number][number];
export type RuleId = AnyEntry["id"];
export type LintRuleId = Extract<AnyEntry, { check: "lint" }>["id"];
export type VerifyRuleId = Extract<AnyEntry, { check: "verify" }>["id"];
export type ProtoBreakingRuleId = (typeof PROTO_BREAKING_RULES)[number]["id"];
export type ProtoLintRuleId = (typeof PROTO_LINT_RULES)[number]["id"];
/** The kinds a lint rule's catalog entry names: what its `check` is called with. */
export type LintKindsOf<I extends LintRuleId> = Extract<AnyEntry, { id: I; check: "lint" }>["kinds"][number];

const KIND_NAMES: Record<ContractKind, string> = { proto: "Protobuf", openapi: "OpenAPI", asyncapi: "AsyncAPI", jsonschema: "JSON Schema" };

/**
 * Kinds that share a name for one idea (`message-added` in proto and AsyncAPI, `enum-value-added`
 * in proto and JSON Schema) are one rule with one entry: kinds joined, each kind's text kept.
 */
function merge(entries: readonly RuleMeta[]): RuleMeta {
  if (entries.length === 1) return entries[0];
  const [first] = entries;
  const same = entries.every((e) => JSON.stringify(e.verdicts) === JSON.stringify(first.verdicts));
  return {
    ...first,
    kinds: entries.flatMap((e) => e.kinds),
    description: entries.map((e) => `${e.kinds.map((k) => KIND_NAMES[k]).join(", ")}: ${e.description}`).join(" "),
    ...(same ? {} : { verdicts: undefined }),
  };
}

/** oasdiff's ids carry their peer; the table is built from oasdiff's rule list (test/corpus/oasdiff). */
const withPeer = (entry: RuleMeta): RuleMeta =>
  !entry.peer && entry.kinds.includes("openapi") && OASDIFF_IDS.has(entry.id) ? { ...entry, peer: { tool: "oasdiff", id: entry.id } } : entry;

function compose(): RuleMeta[] {
  const byId = new Map<string, RuleMeta[]>();
  for (const entry of SOURCES.flat() as readonly RuleMeta[]) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return [...byId.values()].map((entries) => withPeer(merge(entries)));
}

let composed: { rules: readonly RuleMeta[]; byId: Map<string, RuleMeta> } | undefined;

/** Composed on first use: most runs (a `breaking` with a text report) never ask. */
function catalog(): { rules: readonly RuleMeta[]; byId: Map<string, RuleMeta> } {
  if (!composed) {
    const rules = compose();
    composed = { rules, byId: new Map(rules.map((rule) => [rule.id, rule])) };
  }
  return composed;
}

/** Every rule, proto first, breaking before lint before verify, in the order of its catalog file. */
export const allRules = (): readonly RuleMeta[] => catalog().rules;

export const ruleMeta = (id: string): RuleMeta | undefined => catalog().byId.get(id);

export const isRuleId = (id: string): id is RuleId => catalog().byId.has(id);

/** The rules of a kind, of a check, or both, in catalog order. */
export const rulesOf = (filter: { kind?: ContractKind; check?: RuleCheck } = {}): RuleMeta[] =>
  allRules().filter((rule) => (!filter.kind || rule.kinds.includes(filter.kind)) && (!filter.check || rule.check === filter.check));

/** A lint rule's entry, for the rule file that implements its check. */
export const lintMeta = <I extends LintRuleId>(id: I) => [...PROTO_LINT_RULES, ...OPENAPI_LINT_RULES, ...ASYNCAPI_LINT_RULES, ...COMMON_LINT_RULES].find((rule) => rule.id === id)! as Extract<AnyEntry, { id: I; check: "lint" }>;
