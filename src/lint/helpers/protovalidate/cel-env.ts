import { ScalarType, type DescMessage } from "@bufbuild/protobuf";
import { Environment } from "@marcbachmann/cel-js";
import { mapElements, type Element, type Target } from "./target.js";

/** How CEL sees a protobuf scalar: every signed integer is an `int`, every unsigned one a `uint`. */
function scalarType(scalar: ScalarType): string {
  switch (scalar) {
    case ScalarType.DOUBLE: case ScalarType.FLOAT:
      return "double";
    case ScalarType.UINT32: case ScalarType.UINT64: case ScalarType.FIXED32: case ScalarType.FIXED64:
      return "uint";
    case ScalarType.BOOL:
      return "bool";
    case ScalarType.STRING:
      return "string";
    case ScalarType.BYTES:
      return "bytes";
    default:
      return "int";
  }
}

/** Well-known types CEL knows as values of its own (wrappers as their scalar, JSON values as dyn). */
const WELL_KNOWN: Record<string, string> = {
  "google.protobuf.Duration": "google.protobuf.Duration",
  "google.protobuf.Timestamp": "google.protobuf.Timestamp",
  "google.protobuf.Any": "dyn",
  "google.protobuf.Value": "dyn",
  "google.protobuf.Struct": "map<string, dyn>",
  "google.protobuf.ListValue": "list<dyn>",
  "google.protobuf.BoolValue": "bool",
  "google.protobuf.BytesValue": "bytes",
  "google.protobuf.DoubleValue": "double",
  "google.protobuf.FloatValue": "double",
  "google.protobuf.Int32Value": "int",
  "google.protobuf.Int64Value": "int",
  "google.protobuf.UInt32Value": "uint",
  "google.protobuf.UInt64Value": "uint",
  "google.protobuf.StringValue": "string",
};

/** The CEL type of a value, noting the messages it needs declared. */
function elementType(element: Element, needs: Set<DescMessage>): string {
  if (element.kind === "scalar") return scalarType(element.scalar);
  if (element.kind === "enum") return "int";
  const known = WELL_KNOWN[element.message.typeName];
  if (known) return known;
  needs.add(element.message);
  return element.message.typeName;
}

/** What `this` is in a field's CEL rules: the list or map itself for the field's rules, else one value. */
export function thisType(target: Target, needs: Set<DescMessage>): string {
  const { field } = target;
  if (target.repeated === "map" && field.fieldKind === "map") {
    const { key, value } = mapElements(field);
    return `map<${elementType(key, needs)}, ${elementType(value, needs)}>`;
  }
  const element = elementType(target.element, needs);
  return target.repeated === "list" ? `list<${element}>` : element;
}

/** What `this` is in a message's CEL rules. */
export const messageType = (message: DescMessage, needs: Set<DescMessage>): string => elementType({ kind: "message", message }, needs);

/** What `this` is in a predefined rule, by the rules it extends: the type those rules judge. */
export function predefinedThisType(rules: DescMessage, needs: Set<DescMessage>): string {
  const kind = rules.typeName.replace(/^buf\.validate\.|Rules$/g, "");
  const byKind: Record<string, string> = {
    Float: "double", Double: "double", Int32: "int", Int64: "int", SInt32: "int", SInt64: "int", SFixed32: "int", SFixed64: "int",
    UInt32: "uint", UInt64: "uint", Fixed32: "uint", Fixed64: "uint", Bool: "bool", String: "string", Bytes: "bytes", Enum: "int",
    Repeated: "list<dyn>", Map: "map<dyn, dyn>", Any: "dyn", Duration: "google.protobuf.Duration", Timestamp: "google.protobuf.Timestamp",
  };
  if (byKind[kind]) return byKind[kind];
  // Rules of a message type (FieldMaskRules) compare against that message, the type of their `const`.
  const constant = rules.fields.find((f) => f.name === "const");
  return constant ? valueType(constant, needs) : "dyn";
}

/** The CEL type of a rule's own value (`rule` in a predefined rule). */
export function valueType(field: Target["field"], needs: Set<DescMessage>): string {
  if (field.fieldKind === "list") return `list<${elementType(field.listKind === "scalar" ? { kind: "scalar", scalar: field.scalar } : field.listKind === "enum" ? { kind: "enum", enum: field.enum } : { kind: "message", message: field.message }, needs)}>`;
  if (field.fieldKind === "map") {
    const { key, value } = mapElements(field);
    return `map<${elementType(key, needs)}, ${elementType(value, needs)}>`;
  }
  if (field.fieldKind === "scalar") return scalarType(field.scalar);
  return field.fieldKind === "enum" ? "int" : elementType({ kind: "message", message: field.message }, needs);
}

/**
 * A CEL environment as protovalidate compiles rules in: the given variables (with `now`), the
 * messages they reach declared with their fields, and protovalidate's own functions. It type-checks
 * only: nothing is ever evaluated, so the functions do nothing.
 */
export function celEnvironment(variables: Record<string, string>, needs: Set<DescMessage>): Environment {
  const env = new Environment();
  const declared = new Set<string>();
  const pending = [...needs];
  while (pending.length > 0) {
    const message = pending.pop()!;
    if (declared.has(message.typeName)) continue;
    declared.add(message.typeName);
    const more = new Set<DescMessage>();
    const fields: Record<string, string> = {};
    for (const field of message.fields) fields[field.name] = valueType(field, more);
    pending.push(...more);
    // A constructor of its own per type: cel-js tells registered types apart by it.
    env.registerType({ name: message.typeName, ctor: class {}, fields });
    env.registerOperator(`${message.typeName} == ${message.typeName}`, () => false);
  }
  for (const [name, type] of Object.entries({ now: "google.protobuf.Timestamp", ...variables })) env.registerVariable(name, type);
  for (const signature of PROTOVALIDATE_FUNCTIONS) env.registerFunction(signature, () => undefined);
  return env;
}

/** protovalidate's CEL library, and the string extensions it enables that cel-js lacks. */
const PROTOVALIDATE_FUNCTIONS = [
  "string.isEmail(): bool", "string.isHostname(): bool", "string.isIp(): bool", "string.isIp(int): bool",
  "string.isIpPrefix(): bool", "string.isIpPrefix(int): bool", "string.isIpPrefix(bool): bool", "string.isIpPrefix(int, bool): bool",
  "string.isUri(): bool", "string.isUriRef(): bool", "string.isHostAndPort(bool): bool",
  "bytes.startsWith(bytes): bool", "bytes.endsWith(bytes): bool", "bytes.contains(bytes): bool",
  "double.isNan(): bool", "double.isInf(): bool", "double.isInf(int): bool", "list<A>.unique(): bool",
  "getField(dyn, string): dyn", "string.format(list<dyn>): string",
  "string.replace(string, string): string", "string.replace(string, string, int): string", "string.charAt(int): string",
];
