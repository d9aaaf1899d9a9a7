import { protoBreakingMeta } from "../../../rules/proto-breaking-meta.js";
import type { ProtoRule, ProtoRuleDef } from "../rule.js";
import { CHARTER_RULES } from "./charter.js";
import { DELETION_RULES } from "./deletion.js";
import { ENUM_RULES } from "./enum.js";
import { FIELD_RULES } from "./field.js";
import { FILE_RULES } from "./file.js";
import { MESSAGE_RULES } from "./message.js";
import { PACKAGE_RULES } from "./package.js";
import { SERVICE_RULES } from "./service.js";

/** Every proto breaking rule, registered in one place: buf's rules by element, then charter's own. */
const RULES: ProtoRuleDef[] = [
  ...FILE_RULES,
  ...PACKAGE_RULES,
  ...DELETION_RULES,
  ...MESSAGE_RULES,
  ...FIELD_RULES,
  ...ENUM_RULES,
  ...SERVICE_RULES,
  ...CHARTER_RULES,
];

/** Every rule with its buf categories, which its catalog entry holds. */
export const PROTO_RULES: ProtoRule[] = RULES.map((rule) => {
  const { v1, v2 } = protoBreakingMeta(rule.id).categories;
  return { ...rule, categories: { ...(v1 ? { v1: [...v1] } : {}), v2: [...v2] } };
});

/** charter's own rules (kebab-case ids) run whatever buf.yaml selects, unless excepted. */
export const CHARTER_RULE_IDS: string[] = CHARTER_RULES.map((rule) => rule.id);
