import type { ProtoRule } from "../rule.js";
import { CHARTER_RULES } from "./charter.js";
import { DELETION_RULES } from "./deletion.js";
import { ENUM_RULES } from "./enum.js";
import { FIELD_RULES } from "./field.js";
import { FILE_RULES } from "./file.js";
import { MESSAGE_RULES } from "./message.js";
import { PACKAGE_RULES } from "./package.js";
import { SERVICE_RULES } from "./service.js";

/** Every proto breaking rule, registered in one place: buf's rules by element, then charter's own. */
export const PROTO_RULES: ProtoRule[] = [
  ...FILE_RULES,
  ...PACKAGE_RULES,
  ...DELETION_RULES,
  ...MESSAGE_RULES,
  ...FIELD_RULES,
  ...ENUM_RULES,
  ...SERVICE_RULES,
  ...CHARTER_RULES,
];

/** charter's own rules (kebab-case ids) run whatever buf.yaml selects, unless excepted. */
export const CHARTER_RULE_IDS: string[] = CHARTER_RULES.map((rule) => rule.id);
