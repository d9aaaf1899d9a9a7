import { create, getOption, hasOption, ScalarType, type DescEnum, type DescField, type DescMessage, type Message } from "@bufbuild/protobuf";
import { reflect, type ReflectMessage } from "@bufbuild/protobuf/reflect";
import randexp from "randexp";
import { field as fieldRulesOption, type FieldRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/** Nested messages are filled this deep; below it they stay unset, so recursive types end. */
const MAX_DEPTH = 3;

/** Values for protovalidate's well-known string formats, each valid for its check. */
const WELL_KNOWN: Record<string, string> = {
  email: "user@example.com",
  hostname: "example.com",
  ip: "127.0.0.1",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  address: "127.0.0.1",
  uri: "https://example.com/",
  uriRef: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
  tuuid: "00000000000040008000000000000000",
  ulid: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
  hostAndPort: "example.com:80",
  ipWithPrefixlen: "127.0.0.1/8",
  ipv4WithPrefixlen: "127.0.0.1/8",
  ipv6WithPrefixlen: "::1/128",
  ipPrefix: "127.0.0.0/8",
  ipv4Prefix: "127.0.0.0/8",
  ipv6Prefix: "::/0",
  protobufFqn: "example.v1.Sample",
  protobufDotFqn: ".example.v1.Sample",
};

/** `google.protobuf.Any` needs a type it can name and resolve: left unset. */
const UNSET_TYPES = new Set(["google.protobuf.Any"]);

type Rules = FieldRules["type"];

/**
 * A deterministic sample of a message, for `charter mock`'s answers and `charter verify`'s requests:
 * every scalar set (strings to the field's name), enums to their first non-zero value, one item in
 * lists and maps, a oneof's first member, nested messages to a bounded depth. protovalidate rules
 * that are cheap to meet are met (`const`, `in`, numeric bounds, string lengths, prefixes and
 * well-known formats, `pattern`, `min_items`); CEL expressions are not read.
 */
export function sampleMessage<T extends Message = Message>(desc: DescMessage): T {
  return fill(desc, 0).message as T;
}

function fill(desc: DescMessage, depth: number): ReflectMessage {
  const message = reflect(desc, create(desc));
  for (const member of desc.members) {
    const field = member.kind === "oneof" ? member.fields[0] : member;
    if (field) setField(message, field, depth);
  }
  return message;
}

function setField(message: ReflectMessage, field: DescField, depth: number): void {
  const rules = hasOption(field, fieldRulesOption) ? getOption(field, fieldRulesOption).type : undefined;
  switch (field.fieldKind) {
    case "scalar":
      message.set(field, scalar(field.scalar, field.name, rules, field.longAsString));
      return;
    case "enum":
      message.set(field, enumValue(field.enum, rules));
      return;
    case "message": {
      const value = nested(field.message, depth);
      if (value) message.set(field, value);
      return;
    }
    case "list": {
      const list = message.get(field);
      const itemRules = rules?.case === "repeated" ? rules.value.items?.type : undefined;
      const count = Math.max(1, rules?.case === "repeated" ? Number(rules.value.minItems) : 0);
      for (let i = 0; i < count; i++) {
        const item =
          field.listKind === "scalar" ? scalar(field.scalar, field.name, itemRules, field.longAsString, i)
          : field.listKind === "enum" ? enumValue(field.enum, itemRules)
          : nested(field.message, depth);
        if (item !== undefined) list.add(item);
      }
      return;
    }
    case "map": {
      const map = message.get(field);
      const keyRules = rules?.case === "map" ? rules.value.keys?.type : undefined;
      const valueRules = rules?.case === "map" ? rules.value.values?.type : undefined;
      const value =
        field.mapKind === "scalar" ? scalar(field.scalar, field.name, valueRules, false)
        : field.mapKind === "enum" ? enumValue(field.enum, valueRules)
        : nested(field.message, depth);
      if (value !== undefined) map.set(scalar(field.mapKey, "key", keyRules, false), value);
    }
  }
}

function nested(desc: DescMessage, depth: number): ReflectMessage | undefined {
  return depth + 1 >= MAX_DEPTH || UNSET_TYPES.has(desc.typeName) ? undefined : fill(desc, depth + 1);
}

function enumValue(desc: DescEnum, rules: Rules | undefined): number {
  if (rules?.case === "enum") {
    if (rules.value.const) return rules.value.const;
    if (rules.value.in.length) return rules.value.in[0];
  }
  return (desc.values.find((v) => v.number !== 0) ?? desc.values[0]).number;
}

/** A scalar of the type, within its rules; `index` tells the items of a list apart (for `unique`). */
function scalar(type: ScalarType, name: string, rules: Rules | undefined, longAsString: boolean, index = 0): unknown {
  switch (type) {
    case ScalarType.STRING:
      return text(name, rules?.case === "string" ? rules.value : undefined, index);
    case ScalarType.BYTES: {
      const bytes = rules?.case === "bytes" ? rules.value : undefined;
      if (bytes?.const.length) return bytes.const;
      if (bytes?.in.length) return bytes.in[0];
      return new Uint8Array(Math.max(1, Number(bytes?.minLen ?? 0), Number(bytes?.len ?? 0))).fill(0x61 + index);
    }
    case ScalarType.BOOL:
      return rules?.case === "bool" && rules.value.const !== undefined ? rules.value.const : true;
    default: {
      const n = number(rules, index);
      const is64 = [ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64].includes(type);
      if (!is64) return Number(n);
      return longAsString ? String(n) : BigInt(n);
    }
  }
}

const NUMERIC = new Set(["float", "double", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64"]);

/** What the numeric rules (`Int32Rules`, `DoubleRules`, ...) share. */
interface NumberRules {
  const?: number | bigint;
  in: (number | bigint)[];
  greaterThan: { case: "gt" | "gte"; value: number | bigint } | { case: undefined };
  lessThan: { case: "lt" | "lte"; value: number | bigint } | { case: undefined };
}

/** A number meeting the numeric rules: 1 + index, moved into the bounds. */
function number(rules: Rules | undefined, index: number): number | bigint {
  const numeric = rules?.case && NUMERIC.has(rules.case) ? (rules.value as unknown as NumberRules) : undefined;
  if (!numeric) return 1 + index;
  if (numeric.const) return numeric.const;
  if (numeric.in.length) return numeric.in[0];
  let n: number = 1 + index;
  const { greaterThan: low, lessThan: high } = numeric;
  if (low.case === "gte") n = Math.max(n, Number(low.value));
  if (low.case === "gt") n = Math.max(n, Number(low.value) + 1);
  if (high.case === "lte") n = Math.min(n, Number(high.value));
  if (high.case === "lt") n = Math.min(n, Number(high.value) - 1);
  return n;
}

type StringRules = Extract<Rules, { case: "string" }>["value"];

function text(name: string, rules: StringRules | undefined, index: number): string {
  if (!rules) return index ? `${name}-${index}` : name;
  if (rules.const) return rules.const;
  if (rules.in.length) return rules.in[0];
  if (rules.wellKnown.case && rules.wellKnown.case !== "wellKnownRegex") return WELL_KNOWN[rules.wellKnown.case];
  if (rules.pattern) {
    const value = matching(rules, index);
    if (value !== undefined) return value;
  }
  let value = `${rules.prefix}${name}${index ? `-${index}` : ""}${rules.contains}${rules.suffix}`;
  const min = Number(rules.len || rules.minLen);
  const max = Number(rules.len || rules.maxLen);
  // Code points, as protovalidate counts them; padding goes before the suffix, trimming keeps the prefix.
  const chars = [...value];
  if (chars.length < min) value = `${rules.prefix}${name}${"x".repeat(min - chars.length)}${rules.contains}${rules.suffix}`;
  else if (max && chars.length > max) value = chars.slice(0, max).join("");
  return value;
}

// randexp's CommonJS export is the class itself, which its types call `default`.
const RandExp = randexp as unknown as typeof randexp.default;

/** Strings generated for a `pattern` before giving up on it. */
const PATTERN_TRIES = 100;

/**
 * A string the field's `pattern` matches (generated by randexp from a seeded, so deterministic,
 * sequence) that meets its other string rules too; undefined where none is found or the pattern
 * is RE2 syntax JavaScript does not read, and the request then breaks its rules.
 */
function matching(rules: StringRules, index: number): string | undefined {
  let pattern: RegExp;
  try {
    pattern = new RegExp(rules.pattern, "u");
  } catch {
    return undefined;
  }
  const generator = new RandExp(pattern);
  generator.max = 8;
  let seed = 1 + index;
  generator.randInt = (low: number, high: number) => {
    seed = (seed * 48271) % 2147483647;
    return low + (seed % (high - low + 1));
  };
  for (let i = 0; i < PATTERN_TRIES; i++) {
    const value = generator.gen();
    if (pattern.test(value) && meetsStringRules(value, rules)) return value;
  }
  return undefined;
}

function meetsStringRules(value: string, rules: StringRules): boolean {
  const length = [...value].length;
  const min = Number(rules.len || rules.minLen);
  const max = Number(rules.len || rules.maxLen);
  return value.startsWith(rules.prefix) && value.endsWith(rules.suffix) && value.includes(rules.contains) &&
    !(rules.notContains && value.includes(rules.notContains)) && length >= min && (!max || length <= max);
}
