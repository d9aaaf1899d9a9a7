import { isFieldSet } from "@bufbuild/protobuf";
import {
  Edition, FeatureSet_Utf8Validation as Utf8, FieldDescriptorProto_Type as Type, FieldOptions_CType as CType,
  FieldOptions_JSType as JSType, FieldOptionsSchema, FileOptionsSchema,
} from "@bufbuild/protobuf/wkt";
import type { SourceLocation } from "../../finding.js";
import { effect } from "../../verdict.js";
import {
  cardinalityChange, kindChange, typeNameChange, WIRE_GROUPS, WIRE_JSON_GROUPS, wireCardinalityGroup, wireJsonCardinalityGroup,
  type Judgement,
} from "../field-compat.js";
import { defaultValue, isZero, printDefault, sameDefault } from "../field-default.js";
import {
  cardinality, customFeature, describeField, feature, fieldLocation, fieldPairs, fieldsOf, fileLevel, fuzzyFieldLocation,
  jsonName, kind, kindName, messageLocation, messageNodes, oneofName, typeName,
  type Cardinality, type FieldPair, type FieldSide,
} from "../field-model.js";
import { messageLikeness } from "../message-structure.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef, RuleContext } from "../rule.js";

// Source paths inside a field (descriptor.proto field numbers), as buf locates its annotations.
const NAME = [1];
const TYPE = [5];
const TYPE_NAME = [6];
const DEFAULT = [7];
const JSON_NAME = [10];
const CTYPE = [8, 1];
const JSTYPE = [8, 6];
const UTF8_FEATURE = [8, 21, 4];
const CPP_STRING_TYPE_FEATURE = [8, 21, 1000, 2];
const JAVA_UTF8_FEATURE = [8, 21, 1001, 2];
const FILE_JAVA_STRING_CHECK_UTF8 = [8, 27];
/** Custom features are found by their option's path down to the extension ([8, 21, 1000]). */
const CUSTOM_FEATURE_DEPTH = 3;

const CODEGEN_ONLY: Judgement = { effect: effect("conditional", "conditional"), reason: "affects generated code only" };
const JSON_ONLY: Judgement = { effect: effect("conditional", "conditional"), reason: "wire compatible, but breaks JSON clients" };

/** buf's sentence first (users grep for it), then charter's reason. */
const withReason = (message: string, reason: string) => `${message.replace(/\.$/, "")}; ${reason}.`;

/** The first of a field's sub-paths that has a source span (buf's backup locations), else the file. */
function locate(side: FieldSide, ...paths: number[][]): SourceLocation {
  for (const path of paths) {
    const location = fieldLocation(side, ...path);
    if (location) return location;
  }
  return fileLevel(side);
}

function report(ctx: RuleContext, { previous, current }: FieldPair, message: string, judgement: Judgement, at: SourceLocation, before?: SourceLocation): void {
  ctx.report({ subject: current.subject, element: current.key, message: withReason(message, judgement.reason), effect: judgement.effect, at, before: before ?? fieldLocation(previous) });
}

const bothInMapEntries = ({ previous, current }: FieldPair) => Boolean(previous.message?.entry && current.message?.entry);

/** A rule comparing each pair of fields; `check` reports through `report`. */
function fieldRule(id: ProtoBreakingRuleId, check: (ctx: RuleContext, pair: FieldPair) => void): ProtoRuleDef {
  return { id, check: (ctx) => fieldPairs(ctx).forEach((pair) => check(ctx, pair)) };
}

/** FIELD_NO_DELETE and its variants: fields of paired messages (map entries included) by number. */
function deletionRule(id: ProtoBreakingRuleId, unless?: "number" | "name"): ProtoRuleDef {
  return {
    id,
    check(ctx) {
      const currentNodes = messageNodes(ctx.current);
      for (const [name, node] of messageNodes(ctx.previous)) {
        const after = currentNodes.get(name);
        if (!after) continue;
        const remaining = fieldsOf(after);
        const numberReserved = (n: number) => after.proto.reservedRange.some((r) => n >= r.start && n < r.end);
        for (const [number, field] of fieldsOf(node)) {
          if (remaining.has(number)) continue;
          const nameReserved = after.proto.reservedName.includes(field.proto.name);
          if ((unless === "number" && numberReserved(number)) || (unless === "name" && nameReserved)) continue;
          const suffix =
            unless === "number" ? ` without reserving the number "${number}"` : unless === "name" ? ` without reserving the name "${field.proto.name}"` : "";
          const description = describeField(field);
          const message = `Previously present ${description[0].toLowerCase()}${description.slice(1)} was deleted${suffix}.`;
          // New readers skip the old data's field; old readers stop receiving it.
          const reason = numberReserved(number) ? "old readers lose it" : "old readers lose it, and its number may be reused";
          ctx.report({
            subject: field.subject,
            element: field.key,
            message: withReason(message, reason),
            effect: effect("conditional", "breaking"),
            at: messageLocation(after) ?? ctx.current.fileLocation(after.owner),
            before: fieldLocation(field),
          });
        }
      }
    },
  };
}

/**
 * buf's changed-type report: at the type (or type name, for messages, enums and groups) of each
 * side, saying which kinds changed; `suffix` is buf's pointer to the compatibility rules.
 */
function reportKindChange(ctx: RuleContext, pair: FieldPair, suffix = ""): void {
  const { previous, current } = pair;
  const typePath = (side: FieldSide) => ([Type.MESSAGE, Type.ENUM, Type.GROUP].includes(kind(side)) ? TYPE_NAME : TYPE);
  const message = `${describeField(current)} changed type from "${kindName(previous)}" to "${kindName(current)}".${suffix}`;
  report(ctx, pair, message, kindChange(kind(previous), kind(current)), locate(current, typePath(current)), fieldLocation(previous, ...typePath(previous)));
}

function reportTypeNameChange(ctx: RuleContext, pair: FieldPair): void {
  const { previous, current } = pair;
  const message = `${describeField(current)} changed type from "${typeName(previous)}" to "${typeName(current)}".`;
  const likeness = kind(current) === Type.ENUM ? undefined : messageLikeness(ctx.previous, typeName(previous), ctx.current, typeName(current));
  report(ctx, pair, message, typeNameChange(kind(current), likeness), locate(current, TYPE_NAME), fieldLocation(previous, ...TYPE_NAME));
}

const WIRE_SUFFIX = " See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules";
const BYTES_TO_STRING =
  " Note that while string and bytes are compatible if the data is valid UTF-8, there is no way to enforce that a bytes field is UTF-8, so these fields may be incompatible.";

/**
 * FIELD_WIRE_*_COMPATIBLE_TYPE: kinds in different encoding groups, or a message/group renamed, or
 * an enum replaced by one that is not a superset with the same short name.
 */
function compatibleTypeRule(id: ProtoBreakingRuleId, groups: Map<Type, number>, suffix: string, allowStringBytes: boolean): ProtoRuleDef {
  return fieldRule(id, (ctx, pair) => {
    const before = kind(pair.previous);
    const after = kind(pair.current);
    if (groups.get(before) !== groups.get(after)) {
      if (allowStringBytes && before === Type.STRING && after === Type.BYTES) return;
      reportKindChange(ctx, pair, suffix + (allowStringBytes && before === Type.BYTES && after === Type.STRING ? BYTES_TO_STRING : ""));
    } else if (typeName(pair.previous) !== typeName(pair.current)) {
      if (after === Type.ENUM && enumCompatible(ctx, pair)) return;
      if (after === Type.ENUM || after === Type.MESSAGE || after === Type.GROUP) reportTypeNameChange(ctx, pair);
    }
  });
}

/** An enum swap buf accepts on the wire: same short name, and every old value kept with its number. */
function enumCompatible(ctx: RuleContext, { previous, current }: FieldPair): boolean {
  const before = ctx.previous.registry.getEnum(typeName(previous));
  const after = ctx.current.registry.getEnum(typeName(current));
  if (!before || !after || before.name !== after.name) return false;
  return before.values.every((v) => after.values.some((w) => w.name === v.name && w.number === v.number));
}

function cardinalityRule(id: ProtoBreakingRuleId, group: (c: Cardinality) => Cardinality | number): ProtoRuleDef {
  return fieldRule(id, (ctx, pair) => {
    if (bothInMapEntries(pair)) return;
    const before = cardinality(pair.previous);
    const after = cardinality(pair.current);
    if (group(before) === group(after)) return;
    const message = `${describeField(pair.current)} changed cardinality from "${before}" to "${after}".`;
    report(ctx, pair, message, cardinalityChange(before, after), locate(pair.current, []));
  });
}

/** The C++ string type: an explicit `ctype` before edition 2024, else the `(pb.cpp).string_type` feature. */
function cppStringType(side: FieldSide): string {
  const options = side.proto.options;
  if (side.file.edition < Edition.EDITION_2024 && options && isFieldSet(options, FieldOptionsSchema.field.ctype)) {
    return options.ctype === CType.STRING_PIECE ? "STRING_PIECE" : CType[options.ctype];
  }
  const CPP_STRING_TYPES = ["UNKNOWN", "VIEW", "CORD", "STRING"];
  const value = customFeature(side, "pb.cpp", "stringType");
  return value ? CPP_STRING_TYPES[value] : side.file.edition >= Edition.EDITION_2024 ? "VIEW" : "STRING";
}

/** Java's string validation: the file option `java_string_check_utf8` where it applies, else `(pb.java).utf8_validation`. */
function javaUtf8(side: FieldSide): string {
  const resolved = feature(side, "utf8Validation") === Utf8.VERIFY ? "VERIFY" : "NONE";
  const options = side.file.proto.options;
  const isEditions = side.file.edition !== Edition.EDITION_PROTO2 && side.file.edition !== Edition.EDITION_PROTO3;
  if (!isEditions || (options && isFieldSet(options, FileOptionsSchema.field.javaStringCheckUtf8))) {
    return options?.javaStringCheckUtf8 ? "VERIFY" : resolved;
  }
  const JAVA_VERIFY = 2;
  return customFeature(side, "pb.java", "utf8Validation") === JAVA_VERIFY ? "VERIFY" : resolved;
}

const bothKinds = ({ previous, current }: FieldPair, kinds: Type[]) => kinds.includes(kind(previous)) && kinds.includes(kind(current));
const INT64_TYPES = [Type.INT64, Type.SINT64, Type.UINT64, Type.FIXED64, Type.SFIXED64];

export const FIELD_RULES: ProtoRuleDef[] = [
  deletionRule("FIELD_NO_DELETE"),
  deletionRule(
    "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
    "number",
  ),
  deletionRule("FIELD_NO_DELETE_UNLESS_NAME_RESERVED", "name"),

  fieldRule("FIELD_SAME_NAME", (ctx, pair) => {
    const name = (side: FieldSide) => side.extension?.typeName ?? side.proto.name;
    if (name(pair.previous) === name(pair.current)) return;
    const message = `${describeField(pair.current, false)} changed name from "${name(pair.previous)}" to "${name(pair.current)}".`;
    report(ctx, pair, message, JSON_ONLY, locate(pair.current, NAME), fieldLocation(pair.previous, ...NAME));
  }),

  fieldRule("FIELD_SAME_JSON_NAME", (ctx, pair) => {
    if (pair.previous.extension) return;
    const before = jsonName(pair.previous);
    const after = jsonName(pair.current);
    if (before === after) return;
    const message = `${describeField(pair.current)} changed option "json_name" from "${before}" to "${after}".`;
    report(ctx, pair, message, JSON_ONLY, locate(pair.current, JSON_NAME, []));
  }),

  fieldRule("FIELD_SAME_TYPE", (ctx, pair) => {
    if (kind(pair.previous) !== kind(pair.current)) reportKindChange(ctx, pair);
    else if ([Type.ENUM, Type.GROUP, Type.MESSAGE].includes(kind(pair.current)) && typeName(pair.previous) !== typeName(pair.current)) {
      reportTypeNameChange(ctx, pair);
    }
  }),
  compatibleTypeRule(
    "FIELD_WIRE_COMPATIBLE_TYPE",
    WIRE_GROUPS,
    `${WIRE_SUFFIX}.`,
    true,
  ),
  compatibleTypeRule(
    "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
    WIRE_JSON_GROUPS,
    `${WIRE_SUFFIX} and https://developers.google.com/protocol-buffers/docs/proto3#json for JSON compatibility rules.`,
    false,
  ),

  cardinalityRule("FIELD_SAME_CARDINALITY", (c) => c),
  cardinalityRule(
    "FIELD_WIRE_COMPATIBLE_CARDINALITY",
    wireCardinalityGroup,
  ),
  cardinalityRule(
    "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
    wireJsonCardinalityGroup,
  ),

  fieldRule("FIELD_SAME_ONEOF", (ctx, pair) => {
    if (pair.previous.extension) return;
    const before = oneofName(pair.previous);
    const after = oneofName(pair.current);
    if (before === after) return;
    const description = describeField(pair.current);
    // buf's message has a stray "q" after the description when both oneofs are named; kept verbatim.
    const message =
      before !== undefined && after !== undefined
        ? `${description}q moved from oneof "${before}" to oneof "${after}".`
        : `${description} moved from ${before !== undefined ? "inside to outside" : "outside to inside"} a oneof.`;
    report(ctx, pair, message, { effect: effect("breaking", "breaking"), reason: "oneof members clear each other" }, locate(pair.current, []));
  }),

  fieldRule("FIELD_SAME_DEFAULT", (ctx, pair) => {
    const before = defaultValue(pair.previous);
    const after = defaultValue(pair.current);
    if (!before || !after || (isZero(before) && isZero(after)) || sameDefault(before, after)) return;
    const message = `${describeField(pair.current)} changed default value from ${printDefault(before)} to ${printDefault(after)}.`;
    report(ctx, pair, message, { effect: effect("breaking", "breaking"), reason: "readers see a different value for unset fields" }, locate(pair.current, DEFAULT, []));
  }),

  fieldRule("FIELD_SAME_JSTYPE", (ctx, pair) => {
    if (!INT64_TYPES.includes(pair.previous.proto.type) || !INT64_TYPES.includes(pair.current.proto.type)) return;
    const before = JSType[pair.previous.proto.options?.jstype ?? JSType.JS_NORMAL];
    const after = JSType[pair.current.proto.options?.jstype ?? JSType.JS_NORMAL];
    if (before === after) return;
    const message = `${describeField(pair.current)} changed option "jstype" from "${before}" to "${after}".`;
    report(ctx, pair, message, CODEGEN_ONLY, locate(pair.current, JSTYPE, []));
  }),

  fieldRule("FIELD_SAME_CPP_STRING_TYPE", (ctx, pair) => {
    if (bothInMapEntries(pair) || !bothKinds(pair, [Type.STRING, Type.BYTES])) return;
    const before = cppStringType(pair.previous);
    const after = cppStringType(pair.current);
    // A string piece is read as a plain string by C++, so moving off it is fine.
    if (before === after || (before === "STRING_PIECE" && after === "STRING")) return;
    const at =
      fieldLocation(pair.current, ...CTYPE) ?? fuzzyFieldLocation(pair.current, CPP_STRING_TYPE_FEATURE, CUSTOM_FEATURE_DEPTH) ?? locate(pair.current, []);
    report(ctx, pair, `${describeField(pair.current)} changed C++ string type from "${before}" to "${after}".`, CODEGEN_ONLY, at);
  }),

  fieldRule("FIELD_SAME_JAVA_UTF8_VALIDATION", (ctx, pair) => {
    if (!bothKinds(pair, [Type.STRING])) return;
    const before = javaUtf8(pair.previous);
    const after = javaUtf8(pair.current);
    if (before === after) return;
    const { current } = pair;
    const at =
      current.image.location(current.file, ...FILE_JAVA_STRING_CHECK_UTF8) ??
      fuzzyFieldLocation(current, JAVA_UTF8_FEATURE, CUSTOM_FEATURE_DEPTH) ??
      locate(current, []);
    report(ctx, pair, `${describeField(current)} changed Java string UTF8 validation from "${before}" to "${after}".`, CODEGEN_ONLY, at);
  }),

  fieldRule("FIELD_SAME_UTF8_VALIDATION", (ctx, pair) => {
    if (!bothKinds(pair, [Type.STRING])) return;
    const before = Utf8[feature(pair.previous, "utf8Validation")];
    const after = Utf8[feature(pair.current, "utf8Validation")];
    if (before === after) return;
    // Readers that verify reject what writers that do not may produce.
    const judgement: Judgement =
      after === "NONE"
        ? { effect: effect("compatible", "breaking"), reason: "old readers reject invalid UTF-8 that new writers may send" }
        : { effect: effect("breaking", "compatible"), reason: "new readers reject invalid UTF-8 in old data" };
    report(ctx, pair, `${describeField(pair.current)} changed UTF8 validation from ${before} to ${after}.`, judgement, locate(pair.current, UTF8_FEATURE, []));
  }),
];
