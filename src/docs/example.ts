import { child, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { resolveWritten } from "./resolve-written.js";

/**
 * Example values synthesised from a schema, for messages that carry no example of their own. The
 * aim is a value valid against the schema for the keywords contracts use in practice (types,
 * required, enum/const, formats, bounds, simple patterns); optional properties are filled in too,
 * except where that would recurse.
 */

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

const MAX_DEPTH = 8;
/** An example is for reading: a schema may ask for more characters or items than a page can show. */
const MAX_LENGTH = 200;
const MAX_ITEMS = 10;

/** Sets an own property, even one named `__proto__`, which assignment would take as the prototype. */
const put = (target: Record<string, unknown>, name: string, value: unknown): void => {
  if (name === "__proto__") Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
};

/** Fixed values, so the site is the same on every build. */
const FORMATS: Record<string, string> = {
  "date-time": "2024-05-01T12:00:00Z",
  date: "2024-05-01",
  time: "12:00:00Z",
  email: "user@example.com",
  uri: "https://example.com/",
  "uri-reference": "https://example.com/",
  uuid: "3f2b8a9e-1c4d-4e5f-8a6b-7c8d9e0f1a2b",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  duration: "PT1M",
  // Stripe's decimal strings (`unit_amount_decimal`), which its clients read as numbers.
  decimal: "1.5",
};

/** Strings tried against a `pattern` in turn; a pattern none matches gets a placeholder. */
const PATTERN_CANDIDATES = ["EUR", "example", "abc", "ABC", "a1", "A1", "123", "1", "a", "a-b", "2024-05-01", "v1", "X"];

/** Where a pattern is matched by none of the candidates, `matched` is false and the value is a placeholder. */
function exampleString(schema: Record<string, unknown>): { value: string; matched: boolean } {
  const format = typeof schema.format === "string" ? FORMATS[schema.format] : undefined;
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (typeof schema.pattern === "string") {
    let pattern: RegExp | undefined;
    try {
      pattern = new RegExp(schema.pattern, "u");
    } catch {
      pattern = undefined;
    }
    // A pattern that starts with literal text (Stripe's `^/v1/customers`) is tried with that text first.
    const literal = /^\^?((?:\\[^\w\s]|[^\\^$.|?*+()[\]{}])*)/.exec(schema.pattern)![1].replace(/\\(.)/g, "$1");
    const candidates = [format, ...(literal ? [literal, ...PATTERN_CANDIDATES.map((c) => literal + c)] : []), ...PATTERN_CANDIDATES];
    const match = pattern && candidates.find((s) => s !== undefined && pattern.test(s) && fits(s));
    if (match) return { value: match, matched: true };
  }
  const matched = typeof schema.pattern !== "string";
  if (format) return { value: format, matched };
  const base = "example";
  return { value: base.length > max ? base.slice(0, max) : base.padEnd(Math.min(min, MAX_LENGTH), "x"), matched };
}

function exampleNumber(schema: Record<string, unknown>, integer: boolean): number {
  const num = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined);
  const step = num("multipleOf") ?? 1;
  let value = num("minimum") ?? (num("exclusiveMinimum") !== undefined ? num("exclusiveMinimum")! + step : undefined) ?? Math.min(1, num("maximum") ?? 1);
  if (integer || num("multipleOf") !== undefined) value = Math.ceil(value / step) * step;
  // OpenAPI 3.0 writes exclusiveMinimum as a boolean next to minimum.
  if (schema.exclusiveMinimum === true && value === num("minimum")) value += step;
  return value;
}

/** A value valid against the schema at `at`. */
export function exampleOf(schemas: SchemaSource, at: SchemaPointer): unknown {
  return generate(schemas, schemas.resolve(at), [], 0, { left: Infinity, unmatched: false });
}

/**
 * A value valid against the schema at `at`, or undefined where it would take more than `budget`
 * schemas to make (filling every optional property of an API the size of Stripe's, down to the
 * depth limit, would write megabytes per body) or where a pattern defeats the candidates.
 */
export function exampleWithin(schemas: SchemaSource, at: SchemaPointer, budget: number): { value: unknown } | undefined {
  const state: Budget = { left: budget, unmatched: false };
  const value = generate(schemas, schemas.resolve(at), [], 0, state);
  return state.left >= 0 && !state.unmatched ? { value } : undefined;
}

/** Schemas left to visit, and whether a string's pattern was left unmatched. */
interface Budget {
  left: number;
  unmatched: boolean;
}

/** A value for the schema `resolved` (resolveWritten's). */
function generate(schemas: SchemaSource, resolved: { value: unknown; at: SchemaPointer }, ancestors: string[], depth: number, budget: Budget): unknown {
  if (--budget.left < 0) return undefined;
  const { value: schema, at: where } = resolved;
  if (!isObject(schema)) return schema === false ? undefined : {};
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ("example" in schema) return schema.example;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const key = `${where.file}#${where.pointer}`;
  const inner = [...ancestors, key];
  const recursing = ancestors.includes(key) || depth >= MAX_DEPTH;
  // Once the budget is spent, the rest of an object's properties are refused without building their pointers.
  const sub = (written: unknown, ...segments: (string | number)[]) => {
    if (budget.left <= 0) return void budget.left--;
    const at = child(where, ...segments);
    return generate(schemas, resolveWritten(schemas, at, written), inner, depth + 1, budget);
  };
  if (Array.isArray(schema.allOf)) {
    // Parts of one object: merge what each part asks for.
    const merged: Record<string, unknown> = {};
    schema.allOf.forEach((written, i) => {
      const part = sub(written, "allOf", i);
      if (isObject(part)) for (const [name, value] of Object.entries(part)) put(merged, name, value);
    });
    const own = objectOf(schema, sub, recursing);
    return { ...merged, ...own };
  }
  for (const keyword of ["oneOf", "anyOf"]) if (Array.isArray(schema[keyword]) && (schema[keyword] as unknown[]).length) return sub((schema[keyword] as unknown[])[0], keyword, 0);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== "null") ?? (isObject(schema.properties) ? "object" : "items" in schema ? "array" : undefined);
  switch (type) {
    case "string": {
      const { value, matched } = exampleString(schema);
      if (!matched) budget.unmatched = true;
      return value;
    }
    case "integer":
      return exampleNumber(schema, true);
    case "number":
      return exampleNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const count = Math.min(MAX_ITEMS, Math.max(typeof schema.minItems === "number" ? schema.minItems : 1, recursing ? 0 : 1));
      if (recursing && count === 0) return [];
      if (Array.isArray(schema.prefixItems)) return schema.prefixItems.map((written, i) => sub(written, "prefixItems", i));
      const item = isObject(schema.items) ? sub(schema.items, "items") : "example";
      return Array.from({ length: count }, () => item);
    }
    case "object":
      return objectOf(schema, sub, recursing);
    default:
      return types.includes("null") ? null : {};
  }
}

/** Required properties always; optional ones too unless the schema is recursing. */
function objectOf(schema: Record<string, unknown>, sub: (written: unknown, ...segments: (string | number)[]) => unknown, recursing: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (!isObject(schema.properties)) return result;
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const name of Object.keys(schema.properties)) {
    if (recursing && !required.has(name)) continue;
    const value = sub(schema.properties[name], "properties", name);
    if (value !== undefined) put(result, name, value);
  }
  return result;
}
