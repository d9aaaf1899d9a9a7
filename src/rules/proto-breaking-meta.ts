import type { ProtoBreakingRuleId } from "./catalog.js";
import { PROTO_BREAKING_RULES } from "./catalog/proto-breaking.js";
import type { RuleMeta } from "./rule-meta.js";

/**
 * A proto breaking rule's entry (buf's categories live here), for the rule that implements it.
 * It reads only the proto breaking entries: a proto `breaking` run never loads the rest of the
 * catalog (ARCHITECTURE.md, "Start-up").
 */
export const protoBreakingMeta = (id: ProtoBreakingRuleId): RuleMeta & { categories: NonNullable<RuleMeta["categories"]> } =>
  PROTO_BREAKING_RULES.find((rule) => rule.id === id)!;
