import type { RuleMeta } from "../rule-meta.js";
import { SCHEMA_CHANGE_KINDS, type SchemaChangeKind } from "./schema-kinds.js";

/** The area of a schema a kind of change is about, for `charter rules`. */
function categoryOf(kind: string): string {
  if (/nullable|^type-|^list-of-types/.test(kind)) return "type";
  if (/enum|^const-/.test(kind)) return "enum";
  if (/^(exclusive-)?(min|max)(-|$)|^multiple-of/.test(kind)) return "bounds";
  if (/^pattern-(added|removed|generalized|changed)$|^content-(media-type|encoding)/.test(kind)) return "string";
  if (/^(unique-items|items|prefix-items|contains|unevaluated-items)-/.test(kind)) return "array";
  if (/^(one-of|any-of|all-of|wrapped-in|discriminator|if|then|else|not)-/.test(kind)) return "composition";
  if (/read-only|write-only|^deprecated$|^reactivated$|^default-value/.test(kind)) return "annotation";
  return "object";
}

/**
 * JSON Schema breaking rules: a JSON Schema contract is nothing but a schema, so each kind of
 * change the engine reports is a rule under its own name (src/compat/jsonschema/rule.ts). The
 * data is written by producers and read by consumers: backward is old data read by the new
 * schema's readers, forward new data read by old readers (ARCHITECTURE.md, "The compatibility model").
 */
export const JSONSCHEMA_BREAKING_RULES: readonly (RuleMeta & { id: SchemaChangeKind })[] = [...SCHEMA_CHANGE_KINDS].map(([kind, meaning]) => ({
  id: kind,
  kinds: ["jsonschema"],
  check: "breaking",
  category: categoryOf(kind),
  description: meaning,
}));
