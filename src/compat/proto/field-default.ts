import { isFieldSet } from "@bufbuild/protobuf";
import { FieldDescriptorProto_Label as Label, FieldDescriptorProto_Type as Type, FieldDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { kind, typeName, type FieldSide } from "./field-model.js";

/** A field's default value (explicit `[default = …]` or its type's zero), as buf compares and prints it. */
export type DefaultValue =
  | { type: "string"; bytes: Uint8Array; text: string }
  | { type: "bytes"; bytes: Uint8Array }
  | { type: "bool"; value: boolean }
  | { type: "enum"; number: number; label: string }
  | { type: "int"; value: bigint }
  | { type: "float"; value: number; bits: 32 | 64 };

/** The resolved default, or undefined when the field cannot have one (repeated, map, message, group). */
export function defaultValue(side: FieldSide): DefaultValue | undefined {
  const k = kind(side);
  if (side.proto.label === Label.REPEATED || k === Type.MESSAGE || k === Type.GROUP) return undefined;
  const text = isFieldSet(side.proto, FieldDescriptorProtoSchema.field.defaultValue) ? side.proto.defaultValue : undefined;
  switch (k) {
    case Type.STRING:
      return { type: "string", text: text ?? "", bytes: new TextEncoder().encode(text ?? "") };
    case Type.BYTES:
      return { type: "bytes", bytes: unescapeBytes(text ?? "") };
    case Type.BOOL:
      return { type: "bool", value: text === "true" };
    case Type.FLOAT:
    case Type.DOUBLE:
      return { type: "float", value: parseFloatDefault(text ?? "0"), bits: k === Type.FLOAT ? 32 : 64 };
    case Type.ENUM: {
      // Without an explicit default, the enum's first declared value is the default.
      const enumeration = side.image.registry.getEnum(typeName(side));
      const value = text === undefined ? enumeration?.values[0] : enumeration?.values.find((v) => v.name === text);
      return { type: "enum", number: value?.number ?? 0, label: `${enumeration?.name ?? ""}.${value?.name ?? text ?? ""}` };
    }
    default:
      return { type: "int", value: BigInt(text ?? "0") };
  }
}

function parseFloatDefault(text: string): number {
  if (text === "inf") return Infinity;
  if (text === "-inf") return -Infinity;
  if (text === "nan") return NaN;
  return Number(text);
}

/** protoc writes bytes defaults C-escaped (`\x01`, `\001`, `\n`). */
function unescapeBytes(text: string): Uint8Array {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, a: 7, b: 8, f: 12, v: 11, "\\": 92, "'": 39, '"': 34, "?": 63 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "\\") {
      out.push(...new TextEncoder().encode(c));
      continue;
    }
    const next = text[++i];
    if (next in simple) out.push(simple[next]);
    else if (next === "x" || next === "X") {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      out.push(parseInt(hex, 16));
      i += hex.length;
    } else {
      const oct = /^[0-7]{1,3}/.exec(text.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    }
  }
  return Uint8Array.from(out);
}

export function isZero(value: DefaultValue): boolean {
  switch (value.type) {
    case "string":
    case "bytes":
      return value.bytes.length === 0;
    case "bool":
      return !value.value;
    case "enum":
      return value.number === 0;
    case "int":
      return value.value === 0n;
    case "float":
      return value.value === 0;
  }
}

/**
 * buf's equality: string and bytes compare as bytes; float against double after rounding both
 * to float32; everything else numerically (bool 0/1, enum number), NaN equal to NaN.
 */
export function sameDefault(a: DefaultValue, b: DefaultValue): boolean {
  const isText = (v: DefaultValue) => v.type === "string" || v.type === "bytes";
  if (isText(a) || isText(b)) {
    if (!isText(a) || !isText(b)) return false;
    const x = (a as { bytes: Uint8Array }).bytes;
    const y = (b as { bytes: Uint8Array }).bytes;
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  if (a.type === "int" && b.type === "int") return a.value === b.value;
  const mixedFloat = a.type === "float" && b.type === "float" && a.bits !== b.bits;
  const x = mixedFloat ? Math.fround(numeric(a)) : numeric(a);
  const y = mixedFloat ? Math.fround(numeric(b)) : numeric(b);
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

function numeric(value: DefaultValue): number {
  switch (value.type) {
    case "bool":
      return value.value ? 1 : 0;
    case "enum":
      return value.number;
    case "int":
    case "float":
      return Number(value.value);
    default:
      return NaN;
  }
}

/** buf prints defaults with Go's formatting: `"abc"`, `[0x1,0x62]`, `Enum.ABC`, `true`, `123`, `1e+06`. */
export function printDefault(value: DefaultValue): string {
  switch (value.type) {
    case "string":
      return goQuote(value.text);
    case "bytes":
      return `[${[...value.bytes].map((b) => `0x${b.toString(16).toUpperCase()}`).join(",")}]`;
    case "bool":
      return String(value.value);
    case "enum":
      return value.label;
    case "int":
      return value.value.toString();
    case "float":
      return goFloat(value.value, value.bits);
  }
}

/** Go's `%q` for the printable strings proto defaults hold. */
function goQuote(text: string): string {
  const escapes: Record<string, string> = { "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"' };
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    out += escapes[c] ?? (code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c);
  }
  return `"${out}"`;
}

/** Go's `%v` of a float: shortest round-trip digits, exponent form outside [1e-4, 1e6). */
function goFloat(value: number, bits: 32 | 64): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  let exponential = value.toExponential();
  if (bits === 32) {
    for (let digits = 0; digits <= 8; digits++) {
      exponential = value.toExponential(digits);
      if (Math.fround(Number(exponential)) === Math.fround(value)) break;
    }
  }
  const [mantissa, exp] = exponential.split("e");
  const sign = mantissa.startsWith("-") ? "-" : "";
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const e = Number(exp);
  if (e < -4 || e >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${fraction}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (e < 0) return `${sign}0.${"0".repeat(-e - 1)}${digits}`;
  const whole = digits.slice(0, e + 1).padEnd(e + 1, "0");
  const fraction = digits.slice(e + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
