import { clone, create, createFileRegistry, ScalarType, toJsonString, type DescField, type DescMessage, type FileRegistry } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, type DescriptorProto } from "@bufbuild/protobuf/wkt";
import { isReflectMessage, type ReflectList } from "@bufbuild/protobuf/reflect";
import { createValidator, type Validator, type Violation } from "@bufbuild/protovalidate";
import type { RuleSet, RuleProblem } from "./rule-set.js";
import type { Target } from "./target.js";

/** One validator per compiled registry: predefined rules resolve through the registry's extensions. */
const validators = new WeakMap<FileRegistry, Validator>();

/**
 * Checks that each `example` of a rule set passes the field's rules, with protovalidate itself:
 * a message holding only the example (as a list's one item, a map's one key or value) is
 * validated, and the violations of that field are the example's. Examples of a rule set with no
 * other rule have nothing to pass; rules that do not compile are the CEL checks' business.
 */
export function checkExamples(registry: FileRegistry, target: Target, rules: RuleSet, hasCel: boolean, add: (problem: RuleProblem) => void): void {
  const examples = rules.get("example") as ReflectList | undefined;
  const field = target.field;
  if (!examples || field.kind !== "field") return;
  const predefined = (rules.reflected.message.$unknown?.length ?? 0) > 0;
  if (!hasCel && !predefined && rules.fields.every((f) => f.name === "example")) return;
  let validator = validators.get(registry);
  if (!validator) validators.set(registry, (validator = createValidator({ registry })));
  for (let i = 0; i < examples.size; i++) {
    const raw = examples.get(i);
    const example = isReflectMessage(raw) ? raw.message : raw;
    const shown = isReflectMessage(raw) ? toJsonString(raw.desc, raw.message).replace(/^"|"$/g, "") : display(raw);
    const validate = (schema: DescMessage) => {
      const message = create(schema);
      (message as Record<string, unknown>)[field.localName] = holding(target, example);
      return validator.validate(schema, message);
    };
    // The field's own message first (protovalidate compiles it once); when another of its rules
    // does not compile or run, a copy with the field alone.
    let result = validate(field.parent);
    if (result.kind === "error") result = validate(alone(field, registry));
    if (result.kind === "error") return;
    if (result.kind === "valid") continue;
    // protovalidate-es reports a predefined rule once per value of a repeated rule: once is enough.
    const seen = new Set<string>();
    for (const violation of result.violations.filter((v) => isAbout(v, target))) {
      if (seen.has(violation.ruleId + violation.message)) continue;
      seen.add(violation.ruleId + violation.message);
      add({ path: rules.path("example", i), message: `"${shown}" is an example value but does not satisfy rule "${violation.ruleId}": ${violation.message}` });
    }
  }
}

const alones = new WeakMap<DescField, DescMessage>();

/**
 * The field's message with that field alone and no rules of its own: protovalidate compiles every
 * rule of a message it validates, and the example must meet its field's rules only, as buf's
 * validation filtered to the field does (another field's broken rules are that field's findings).
 */
function alone(field: DescField, registry: FileRegistry): DescMessage {
  const cached = alones.get(field);
  if (cached) return cached;
  const file = clone(FileDescriptorProtoSchema, field.parent.file.proto);
  const names: string[] = [];
  for (let m: DescMessage | undefined = field.parent; m; m = m.parent) names.unshift(m.name);
  let proto: DescriptorProto = file.messageType.find((m) => m.name === names[0])!;
  for (const name of names.slice(1)) proto = proto.nestedType.find((m) => m.name === name)!;
  proto.field = proto.field.filter((f) => f.number === field.number);
  proto.options = undefined;
  const schema = createFileRegistry(file, (name) => registry.getFile(name)).getMessage(field.parent.typeName)!;
  alones.set(field, schema);
  return schema;
}

/** The field's value holding one example: the list's one item, the map's one key (or value) beside a zero value (or key). */
function holding(target: Target, example: unknown): unknown {
  const { field, mapPart } = target;
  if (field.fieldKind === "list") return [example];
  if (field.fieldKind === "map") {
    if (mapPart === "value") return { [String(zero(field.mapKey))]: example };
    return { [String(example)]: field.mapKind === "message" ? create(field.message) : zero(field.mapKind === "scalar" ? field.scalar : ScalarType.INT32) };
  }
  // A wrapper (Int32Value, ...) field holds its plain value in protobuf-es.
  return example;
}

/** A scalar's zero value, as protobuf-es holds it (64-bit integers as bigint). */
function zero(scalar: ScalarType): unknown {
  switch (scalar) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BOOL:
      return false;
    case ScalarType.BYTES:
      return new Uint8Array();
    case ScalarType.INT64: case ScalarType.UINT64: case ScalarType.SINT64: case ScalarType.FIXED64: case ScalarType.SFIXED64:
      return 0n;
    default:
      return 0;
  }
}

/** Whether a violation is about the example's place: the field itself, its one item, or its one key or value. */
function isAbout(violation: Violation, target: Target): boolean {
  const [first, second, ...rest] = violation.field;
  if (rest.length > 0 || first?.kind !== "field" || first.number !== target.field.number) return false;
  if (target.field.fieldKind === "list") return second?.kind === "list_sub";
  if (target.field.fieldKind === "map") return second?.kind === "map_sub" && violation.forKey === (target.mapPart === "key");
  return second === undefined;
}

function display(value: unknown): string {
  return value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : String(value);
}
