import { isFieldSet, type DescMessage, type Message, type FileRegistry } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import type { ReflectList } from "@bufbuild/protobuf/reflect";
import { RE2JS } from "@bufbuild/re2";
import {
  FieldRulesSchema, Ignore, KnownRegex, MapRulesSchema, RepeatedRulesSchema, type FieldRules, type MapRules, type RepeatedRules,
} from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { checkBounds, asDuration } from "./bounds.js";
import { checkCel } from "./cel.js";
import { celEnvironment, thisType } from "./cel-env.js";
import { checkExamples } from "./examples.js";
import { RuleSet, ruleName, type RuleProblem } from "./rule-set.js";
import { isWrapper, listElement, mapElements, rulesFit, typeName, type Target } from "./target.js";

const NUMBERS = ["float", "double", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64"];

/** The number of a FieldRules field, by proto name: where a problem with it is placed. */
const at = (name: string): number => FieldRulesSchema.fields.find((f) => f.name === name)!.number;

/**
 * Checks the rules a field declares (not their CEL expressions, nor their examples): that they fit
 * the field's type and cardinality, contradict neither themselves nor the field (a `required`
 * extension, `const` beside other rules, min above max, an invalid pattern), and leave some value.
 * `base` is the rules' path below `(buf.validate.field)`: a list's item rules and a map's key and
 * value rules are checked the same way, one level down.
 */
export function checkFieldRules(rules: FieldRules, target: Target, base: number[], registry: FileRegistry, add: (problem: RuleProblem) => void): void {
  const name = target.field.name;
  const where = (field: string, ...rest: number[]) => [...base, at(field), ...rest];
  const top = base.length === 0;
  if (top) checkFlags(rules, target, where, add);
  const env = () => {
    const needs = new Set<DescMessage>();
    return celEnvironment({ this: thisType(target, needs) }, needs);
  };
  checkCel({ rules: rules.cel, path: where("cel"), expressions: rules.celExpression, expressionPath: where("cel_expression"), owner: `Field "${name}"`, name: ruleName(where("cel")) }, env, add);
  const type = rules.type;
  if (type.case === undefined) return;
  if (type.case === "map") return checkMap(type.value, target, where, registry, add);
  if (type.case === "repeated") return checkRepeated(type.value, target, where, registry, add);
  if (target.repeated) {
    add({ path: where(typeCaseName(type.case)), message: `Field "${name}" is of type repeated ${typeName(target)} but has ${ruleName(where(typeCaseName(type.case)))} rules.` });
    return;
  }
  if (!rulesFit(type.case, target.element)) {
    add({ path: where(typeCaseName(type.case)), message: `Field "${name}" is of type ${typeName(target)} but has ${ruleName(where(typeCaseName(type.case)))} rules.` });
    return;
  }
  const schema = FieldRulesSchema.fields.find((f) => f.name === typeCaseName(type.case))!.message!;
  const set = new RuleSet(where(typeCaseName(type.case)), schema, type.value as Message);
  checkExamples(registry, target, set, rules.cel.length + rules.celExpression.length > 0, add);
  if (NUMBERS.includes(type.case)) checkBounds(set, name, "number", add);
  else if (type.case === "duration") checkBounds(set, name, "duration", add);
  else if (type.case === "timestamp") checkTimestamp(set, name, add);
  else if (type.case === "string") checkString(set, name, add);
  else if (type.case === "bytes") checkBytes(set, name, add);
  else if (type.case === "enum" || type.case === "fieldMask") checkConst(set, name, add);
  if (type.case === "fieldMask") checkFieldMask(set, name, add);
}

/** FieldRules' oneof cases are local names (`fieldMask`); buf names rules by proto names (`field_mask`). */
const typeCaseName = (localName: string): string => FieldRulesSchema.fields.find((f) => f.localName === localName)!.name;

/** `required` and `ignore`, which must fit the field: not on an extension or oneof member, not against each other. */
function checkFlags(rules: FieldRules, target: Target, where: (field: string) => number[], add: (problem: RuleProblem) => void): void {
  const { field } = target;
  const name = field.name;
  const required = rules.required;
  const ignore = rules.ignore;
  if (field.kind === "extension") {
    if (required) add({ path: where("required"), message: `Field "${name}" is an extension field and cannot have ${ruleName(where("required"))}.` });
    if (ignore === Ignore.IF_ZERO_VALUE) add({ path: where("ignore"), message: `Field "${name}" is an extension field and cannot have ${ruleName(where("ignore"))}=IGNORE_IF_ZERO_VALUE.` });
  }
  const oneof = field.kind === "field" ? field.oneof : undefined;
  if (oneof && !field.proto.proto3Optional && required) {
    add({ path: where("required"), message: `Field "${name}" has ${ruleName(where("required"))} but is in a oneof (${oneof.name}). Oneof fields must not have ${ruleName(where("required"))}.` });
  }
  const setCount = FieldRulesSchema.fields.filter((f) => isFieldSet(rules, f)).length;
  if (ignore === Ignore.ALWAYS && setCount > 1) {
    add({ path: where("ignore"), message: `Field "${name}" has ${ruleName(where("ignore"))}=IGNORE_ALWAYS and therefore other rules in (buf.validate.field) are not applied and should be removed.` });
  }
  if (required && ignore === Ignore.IF_ZERO_VALUE) {
    const message = `Field "${name}" has both ${ruleName(where("required"))} and ${ruleName(where("ignore"))}=IGNORE_IF_ZERO_VALUE. A field cannot be empty if it is required.`;
    add({ path: where("required"), message });
    add({ path: where("ignore"), message });
  }
  const presence = field.fieldKind !== "list" && field.fieldKind !== "map" && field.presence !== FeatureSet_FieldPresence.IMPLICIT;
  if (ignore === Ignore.IF_ZERO_VALUE && presence && field.kind !== "extension") {
    add({ path: where("ignore"), message: `Field "${name}" has ${ruleName(where("ignore"))}=IGNORE_IF_ZERO_VALUE and tracks presence. This is the same the default and the ignore option can be removed.` });
  }
}

function checkRepeated(rules: RepeatedRules, target: Target, where: (field: string, ...rest: number[]) => number[], registry: FileRegistry, add: (problem: RuleProblem) => void): void {
  const name = target.field.name;
  const field = target.field;
  if (target.repeated !== "list" || field.fieldKind !== "list") {
    add({ path: where("repeated"), message: `Field "${name}" is not repeated but has ${ruleName(where("repeated"))}.` });
    return;
  }
  const element = listElement(field);
  const repeated = (n: string) => where("repeated", RepeatedRulesSchemaNumber(n));
  if (rules.unique && element.kind === "message" && !isWrapper(element.message)) {
    add({ path: repeated("unique"), message: `Field "${name}" is of type ${typeName(target)} but has ${ruleName(repeated("unique"))} set to true, which is only allowed for scalar types and wrapper types.` });
  }
  const bounded = isFieldSet(rules, RepeatedRulesSchema.field.minItems) && isFieldSet(rules, RepeatedRulesSchema.field.maxItems);
  if (bounded && rules.minItems > rules.maxItems) {
    add({ path: repeated("min_items"), message: `Field "${name}" has value ${rules.minItems} for ${ruleName(repeated("min_items"))}, which must be lower than value ${rules.maxItems} for ${ruleName(repeated("max_items"))}.` });
    add({ path: repeated("max_items"), message: `Field "${name}" has value ${rules.maxItems} for ${ruleName(repeated("max_items"))}, which must be higher than value ${rules.minItems} for ${ruleName(repeated("min_items"))}.` });
  }
  if (!rules.items) return;
  const items = repeated("items");
  if (rules.items.required) {
    add({ path: [...items, at("required")], message: `Field "${name}" has ${ruleName([...items, at("required")])} on repeated item rules, which is unenforceable: it cannot apply to one item.` });
  }
  checkFieldRules(rules.items, { field, element }, items, registry, add);
}

function checkMap(rules: MapRules, target: Target, where: (field: string, ...rest: number[]) => number[], registry: FileRegistry, add: (problem: RuleProblem) => void): void {
  const name = target.field.name;
  const field = target.field;
  if (target.repeated !== "map" || field.fieldKind !== "map") {
    add({ path: where("map"), message: `Field "${name}" is not a map but has ${ruleName(where("map"))}.` });
    return;
  }
  const map = (n: string) => where("map", MapRulesSchemaNumber(n));
  const bounded = isFieldSet(rules, MapRulesSchema.field.minPairs) && isFieldSet(rules, MapRulesSchema.field.maxPairs);
  if (bounded && rules.minPairs > rules.maxPairs) {
    add({ path: map("min_pairs"), message: `Field "${name}" has value ${rules.minPairs} for ${ruleName(map("min_pairs"))}, which must be lower than value ${rules.maxPairs} for ${ruleName(map("max_pairs"))}.` });
    add({ path: map("max_pairs"), message: `Field "${name}" has value ${rules.maxPairs} for ${ruleName(map("max_pairs"))}, which must be higher than value ${rules.minPairs} for ${ruleName(map("min_pairs"))}.` });
  }
  const elements = mapElements(field);
  for (const part of ["key", "value"] as const) {
    const partRules = part === "key" ? rules.keys : rules.values;
    if (!partRules) continue;
    const partPath = map(part === "key" ? "keys" : "values");
    if (partRules.required) {
      add({ path: [...partPath, at("required")], message: `Field "${name}" has ${ruleName([...partPath, at("required")])} on map ${part} rules, which is unenforceable: it cannot apply to a map ${part}.` });
    }
    checkFieldRules(partRules, { field, element: elements[part], mapPart: part }, partPath, registry, add);
  }
}

const RepeatedRulesSchemaNumber = (name: string): number => RepeatedRulesSchema.fields.find((f) => f.name === name)!.number;
const MapRulesSchemaNumber = (name: string): number => MapRulesSchema.fields.find((f) => f.name === name)!.number;

/** `const` alone: with it, the other rules of the same type never apply. */
function checkConst(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  if (rules.has("const") && rules.fields.length > 1) {
    add({ path: rules.path("const"), message: `Field "${name}" has ${rules.name("const")}, therefore other rules in ${rules.name()} are not applied and should be removed.` });
  }
}

/** Lengths: `len` alone, min not above max, and (for strings) characters and bytes that agree. */
function checkLengths(rules: RuleSet, name: string, len: string, min: string, max: string, add: (problem: RuleProblem) => void): void {
  for (const bound of [min, max]) {
    if (rules.has(len) && rules.has(bound)) add({ path: rules.path(bound), message: `Field "${name}" has ${rules.name(len)} and therefore, ${rules.name(bound)} is redundant and should be removed.` });
  }
  if (!rules.has(min) || !rules.has(max)) return;
  const low = rules.get(min) as bigint;
  const high = rules.get(max) as bigint;
  if (low > high) {
    add({ path: rules.path(min), message: `Field "${name}" has value ${low} for ${rules.name(min)}, which must be lower than value ${high} for ${rules.name(max)}.` });
    add({ path: rules.path(max), message: `Field "${name}" has value ${high} for ${rules.name(max)}, which must be higher than value ${low} for ${rules.name(min)}.` });
  } else if (low === high) {
    const message = `Field "${name}" has equal ${rules.name(min)} and ${rules.name(max)}, use ${rules.name(len)} instead.`;
    add({ path: rules.path(min), message });
    add({ path: rules.path(max), message });
  }
}

function checkPattern(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  if (!rules.has("pattern")) return;
  try {
    RE2JS.compile(rules.get("pattern") as string);
  } catch (error) {
    add({ path: rules.path("pattern"), message: `Field "${name}" has a ${rules.name("pattern")} that fails to compile: ${(error as Error).message}.` });
  }
}

function checkString(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  checkConst(rules, name, add);
  checkLengths(rules, name, "len", "min_len", "max_len", add);
  checkLengths(rules, name, "len_bytes", "min_bytes", "max_bytes", add);
  const minLen = rules.get("min_len") as bigint | undefined;
  const maxLen = rules.get("max_len") as bigint | undefined;
  const minBytes = rules.get("min_bytes") as bigint | undefined;
  const maxBytes = rules.get("max_bytes") as bigint | undefined;
  // A character takes one to four bytes in UTF-8.
  if (minLen !== undefined && maxBytes !== undefined && maxBytes < minLen) {
    const message = `Field "${name}" has value ${minLen} for ${rules.name("min_len")} but ${maxBytes} for ${rules.name("max_bytes")}: ${minLen} UTF-8 characters take at least ${minLen} bytes.`;
    add({ path: rules.path("min_len"), message });
    add({ path: rules.path("max_bytes"), message });
  }
  if (maxLen !== undefined && minBytes !== undefined && maxLen * 4n < minBytes) {
    const message = `Field "${name}" has value ${minBytes} for ${rules.name("min_bytes")} but ${maxLen} for ${rules.name("max_len")}: ${maxLen} UTF-8 characters take at most ${maxLen * 4n} bytes.`;
    add({ path: rules.path("min_bytes"), message });
    add({ path: rules.path("max_len"), message });
  }
  const notContains = rules.get("not_contains") as string | undefined;
  for (const part of ["prefix", "suffix", "contains"]) {
    const text = rules.get(part) as string | undefined;
    if (text === undefined) continue;
    const chars = BigInt([...text].length);
    const bytes = BigInt(Buffer.byteLength(text, "utf8"));
    if (maxLen !== undefined && chars > maxLen) add({ path: rules.path(part), message: `Field "${name}" has a ${rules.name(part)} of length ${chars}, exceeding its max_len (${maxLen}): no string of at most ${maxLen} characters contains ${JSON.stringify(text)}.` });
    if (maxBytes !== undefined && bytes > maxBytes) add({ path: rules.path(part), message: `Field "${name}" has a ${rules.name(part)} of ${bytes} bytes, exceeding its max_bytes (${maxBytes}): no string of at most ${maxBytes} bytes contains ${JSON.stringify(text)}.` });
    if (notContains !== undefined && text.includes(notContains)) add({ path: rules.path(part), message: `Field "${name}" has a ${rules.name(part)} (${JSON.stringify(text)}) containing its not_contains (${JSON.stringify(notContains)}): no string can have one without the other.` });
  }
  checkPattern(rules, name, add);
  const knownRegex = rules.reflected.oneofCase(rules.reflected.desc.oneofs.find((o) => o.name === "well_known")!);
  const wellKnownRegex = knownRegex?.name === "well_known_regex" ? (rules.get("well_known_regex") as KnownRegex) : KnownRegex.UNSPECIFIED;
  if (rules.get("strict") === false && wellKnownRegex === KnownRegex.UNSPECIFIED) {
    add({ path: rules.path("strict"), message: `Field "${name}" has ${rules.name("strict")} without ${rules.name("well_known_regex")}: strict only applies to a well_known_regex and is invalid without it.` });
  }
}

function checkBytes(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  checkConst(rules, name, add);
  checkLengths(rules, name, "len", "min_len", "max_len", add);
  const maxLen = rules.get("max_len") as bigint | undefined;
  for (const part of ["prefix", "suffix", "contains"]) {
    const bytes = rules.get(part) as Uint8Array | undefined;
    if (bytes === undefined || maxLen === undefined || BigInt(bytes.length) <= maxLen) continue;
    add({ path: rules.path(part), message: `Field "${name}" has a ${rules.name(part)} of ${bytes.length} bytes, exceeding its max_len (${maxLen}): no value of at most ${maxLen} bytes contains it.` });
  }
  checkPattern(rules, name, add);
}

function checkTimestamp(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  checkBounds(rules, name, "timestamp", add);
  if (rules.get("lt_now") === true && rules.get("gt_now") === true) {
    const message = `Field "${name}" has both ${rules.name("gt_now")} and ${rules.name("lt_now")}: a timestamp cannot be both before and after validation time.`;
    add({ path: rules.path("gt_now"), message });
    add({ path: rules.path("lt_now"), message });
  }
  if (!rules.has("within")) return;
  const within = asDuration(rules.get("within"));
  if ("invalid" in within) add({ path: rules.path("within"), message: `Field "${name}" has an invalid ${rules.name("within")}: ${within.invalid}.` });
  else if (within.value <= 0n) add({ path: rules.path("within"), message: `Field "${name}" must have a positive ${rules.name("within")}.` });
}

function checkFieldMask(rules: RuleSet, name: string, add: (problem: RuleProblem) => void): void {
  const list = (n: string) => [...((rules.get(n) as ReflectList<string> | undefined) ?? [])];
  const notIn = list("not_in");
  for (const path of list("in")) {
    if (notIn.includes(path)) add({ path: rules.path("in"), message: `Field "${name}" has path "${path}" in both in and not_in rules.` });
  }
}
