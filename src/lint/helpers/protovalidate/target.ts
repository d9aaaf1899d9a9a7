import { ScalarType, type DescEnum, type DescExtension, type DescField, type DescMessage } from "@bufbuild/protobuf";

/** A message field or an extension: both carry rules. */
export type RuledField = DescField | DescExtension;
import type { FieldRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/** The type of one value a rule set judges: a field's, or a list item's, a map key's or value's. */
export type Element =
  | { kind: "scalar"; scalar: ScalarType }
  | { kind: "enum"; enum: DescEnum }
  | { kind: "message"; message: DescMessage };

/** What a rule set applies to: the declared field, and the value its rules judge. */
export interface Target {
  field: RuledField;
  element: Element;
  /** The field's own cardinality, while its rules are the field's (not its items', keys' or values'). */
  repeated?: "list" | "map";
  /** The map's key or value, while the rules are those of `map.keys` or `map.values`. */
  mapPart?: "key" | "value";
}

/** The target of a field's own rules. */
export function fieldTarget(field: RuledField): Target {
  switch (field.fieldKind) {
    case "scalar":
      return { field, element: { kind: "scalar", scalar: field.scalar } };
    case "enum":
      return { field, element: { kind: "enum", enum: field.enum } };
    case "message":
      return { field, element: { kind: "message", message: field.message } };
    case "list":
      return { field, element: listElement(field), repeated: "list" };
    case "map":
      return { field, element: mapElements(field).value, repeated: "map" };
  }
}

export function listElement(field: RuledField & { fieldKind: "list" }): Element {
  if (field.listKind === "scalar") return { kind: "scalar", scalar: field.scalar };
  if (field.listKind === "enum") return { kind: "enum", enum: field.enum };
  return { kind: "message", message: field.message };
}

export function mapElements(field: RuledField & { fieldKind: "map" }): { key: Element; value: Element } {
  const key: Element = { kind: "scalar", scalar: field.mapKey };
  if (field.mapKind === "scalar") return { key, value: { kind: "scalar", scalar: field.scalar } };
  if (field.mapKind === "enum") return { key, value: { kind: "enum", enum: field.enum } };
  return { key, value: { kind: "message", message: field.message } };
}

/** How buf names a type in its messages: `int32`, `google.protobuf.Duration`, `map<int64, string>`. */
export function typeName(target: Target): string {
  if (target.repeated === "map" && target.field.fieldKind === "map") {
    const { key, value } = mapElements(target.field);
    return `map<${elementName(key)}, ${elementName(value)}>`;
  }
  return elementName(target.element);
}

function elementName(element: Element): string {
  if (element.kind === "scalar") return ScalarType[element.scalar].toLowerCase();
  return element.kind === "enum" ? "enum" : element.message.typeName;
}

type TypeCase = Exclude<FieldRules["type"]["case"], "repeated" | "map" | undefined>;

/** The scalar (or enum) type each kind of type rules judges. */
const SCALAR: Partial<Record<TypeCase, ScalarType | "enum">> = {
  float: ScalarType.FLOAT, double: ScalarType.DOUBLE, int32: ScalarType.INT32, int64: ScalarType.INT64,
  uint32: ScalarType.UINT32, uint64: ScalarType.UINT64, sint32: ScalarType.SINT32, sint64: ScalarType.SINT64,
  fixed32: ScalarType.FIXED32, fixed64: ScalarType.FIXED64, sfixed32: ScalarType.SFIXED32, sfixed64: ScalarType.SFIXED64,
  bool: ScalarType.BOOL, string: ScalarType.STRING, bytes: ScalarType.BYTES, enum: "enum",
};

/** The message each kind of type rules judges: a wrapper of its scalar, or a well-known type. */
const MESSAGE: Partial<Record<TypeCase, string>> = {
  float: "google.protobuf.FloatValue", double: "google.protobuf.DoubleValue", int32: "google.protobuf.Int32Value",
  int64: "google.protobuf.Int64Value", uint32: "google.protobuf.UInt32Value", uint64: "google.protobuf.UInt64Value",
  bool: "google.protobuf.BoolValue", string: "google.protobuf.StringValue", bytes: "google.protobuf.BytesValue",
  any: "google.protobuf.Any", duration: "google.protobuf.Duration", timestamp: "google.protobuf.Timestamp",
  fieldMask: "google.protobuf.FieldMask",
};

/** Whether rules of this kind can judge the element (an Int32Value takes int32 rules). */
export function rulesFit(kind: TypeCase, element: Element): boolean {
  if (element.kind === "message") return MESSAGE[kind] === element.message.typeName;
  return SCALAR[kind] === (element.kind === "enum" ? "enum" : element.scalar);
}

/** The wrapper messages, whose repeated fields may be `unique` as scalars may. */
export const isWrapper = (message: DescMessage): boolean =>
  Object.values(MESSAGE).includes(message.typeName) && message.typeName.endsWith("Value");
