import { FieldDescriptorProto_Type as Type } from "@bufbuild/protobuf/wkt";
import { effect, type Effect } from "../verdict.js";
import type { Cardinality } from "./field-model.js";
import type { Likeness } from "./message-structure.js";

/** An effect and the short reason charter appends to buf's message. */
export interface Judgement {
  effect: Effect;
  reason: string;
}

const groups = (...sets: Type[][]): Map<Type, number> => new Map(sets.flatMap((set, i) => set.map((t) => [t, i] as const)));

/** buf's FIELD_WIRE_COMPATIBLE_TYPE groups: kinds that share a binary encoding. */
export const WIRE_GROUPS = groups(
  [Type.INT32, Type.INT64, Type.UINT32, Type.UINT64, Type.BOOL], [Type.SINT32, Type.SINT64], [Type.STRING], [Type.BYTES],
  [Type.FIXED32, Type.SFIXED32], [Type.FIXED64, Type.SFIXED64], [Type.DOUBLE], [Type.FLOAT], [Type.GROUP], [Type.MESSAGE], [Type.ENUM],
);

/** buf's FIELD_WIRE_JSON_COMPATIBLE_TYPE groups: kinds that share a binary and a JSON encoding. */
export const WIRE_JSON_GROUPS = groups(
  [Type.INT32, Type.UINT32], [Type.INT64, Type.UINT64], [Type.FIXED32, Type.SFIXED32], [Type.FIXED64, Type.SFIXED64], [Type.BOOL],
  [Type.SINT32], [Type.SINT64], [Type.STRING], [Type.BYTES], [Type.DOUBLE], [Type.FLOAT], [Type.GROUP], [Type.MESSAGE], [Type.ENUM],
);

const VARINTS = new Set([Type.INT32, Type.INT64, Type.UINT32, Type.UINT64, Type.BOOL]);
const WIDENINGS: [Type, Type][] = [[Type.INT32, Type.INT64], [Type.UINT32, Type.UINT64], [Type.SINT32, Type.SINT64]];
const SAME_WIDTH: [Type, Type][] = [[Type.FIXED32, Type.SFIXED32], [Type.FIXED64, Type.SFIXED64]];

const both = (verdict: "conditional" | "breaking") => effect(verdict, verdict);
const isPair = (pairs: [Type, Type][], a: Type, b: Type) => pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** What a change of kind (protoreflect Kind, old to new) does to the data each side writes. */
export function kindChange(previous: Type, current: Type): Judgement {
  const widening = WIDENINGS.find(([narrow, wide]) => (narrow === previous && wide === current) || (wide === previous && narrow === current));
  if (widening) {
    return previous === widening[0]
      ? { effect: effect("compatible", "breaking"), reason: "old readers truncate" }
      : { effect: effect("breaking", "compatible"), reason: "new readers truncate" };
  }
  if (isPair([[Type.STRING, Type.BYTES]], previous, current)) return { effect: both("conditional"), reason: "compatible only if bytes hold valid UTF-8" };
  if ((previous === Type.ENUM && VARINTS.has(current)) || (current === Type.ENUM && VARINTS.has(previous))) {
    return { effect: both("conditional"), reason: "wire compatible, but JSON differs" };
  }
  if ((VARINTS.has(previous) && VARINTS.has(current)) || isPair(SAME_WIDTH, previous, current)) {
    return { effect: both("conditional"), reason: "wire compatible; values may be reinterpreted" };
  }
  return { effect: both("breaking"), reason: "the encodings differ" };
}

/**
 * A field keeping its kind but naming another message or enum; for messages, judged by how alike
 * the two types are (see messageLikeness): a rename alone breaks generated code only.
 */
export function typeNameChange(kind: Type, likeness?: Likeness): Judgement {
  if (kind === Type.ENUM) return { effect: both("conditional"), reason: "same encoding; values may be reinterpreted" };
  if (likeness === "same") return { effect: both("conditional"), reason: "the types have the same fields, so only generated code that names them breaks" };
  if (likeness === "wire") return { effect: both("conditional"), reason: "the types have the same binary encoding, but JSON differs" };
  return { effect: both("breaking"), reason: "a different message type" };
}

/** buf's FIELD_WIRE_COMPATIBLE_CARDINALITY groups: presence does not change the binary encoding, nor does map vs repeated. */
export function wireCardinalityGroup(c: Cardinality): number {
  return c === "required" ? 2 : c === "repeated" || c === "map" ? 3 : 1;
}

/** buf's FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY groups: as WIRE, but maps and lists differ in JSON. */
export function wireJsonCardinalityGroup(c: Cardinality): number {
  return c === "map" ? 4 : wireCardinalityGroup(c);
}

/** What a change of cardinality does to the data each side writes. */
export function cardinalityChange(previous: Cardinality, current: Cardinality): Judgement {
  const optional = (c: Cardinality) => wireCardinalityGroup(c) === 1;
  if (current === "required" && optional(previous)) return { effect: effect("breaking", "compatible"), reason: "old data may lack the field" };
  if (previous === "required" && optional(current)) return { effect: effect("compatible", "breaking"), reason: "old readers require the field" };
  if (wireCardinalityGroup(previous) !== wireCardinalityGroup(current)) return { effect: both("breaking"), reason: "single values and lists do not interchange" };
  return {
    effect: both("conditional"),
    reason: optional(previous) ? "same encoding, but presence is tracked differently" : "same binary encoding, but JSON differs",
  };
}
