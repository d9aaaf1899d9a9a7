import type { SchemaSource } from "../contracts/schema-pointer.js";
import { isObject, type Json } from "../contracts/openapi/model.js";
import { child, type SchemaPointer } from "../contracts/schema-pointer.js";

/**
 * Parameters and bodies as they travel: path, query and header values are text, read into the
 * JSON values their schemas describe before validation (OpenAPI's `simple` and `form` styles), and
 * written back as text by `charter verify`. Objects in query parameters (`deepObject`) and form
 * bodies are read by form.ts.
 */

/** A schema as written, `$ref` followed. */
export interface Shape {
  value: Json;
  at: SchemaPointer;
}

/** The schema at `at` and the members of its `allOf`, `anyOf` and `oneOf`, nested ones too, `$ref`s followed: what a value may be. */
export function shapesOf(schemas: SchemaSource, at: SchemaPointer | undefined, depth = 0): Shape[] {
  if (!at || depth > 8) return [];
  const resolved = schemas.resolve(at);
  if (!isObject(resolved.value)) return [];
  const shape = { value: resolved.value, at: resolved.at };
  const members = ["allOf", "anyOf", "oneOf"].flatMap((key) => {
    const list = shape.value[key];
    return Array.isArray(list) ? list.flatMap((_, i) => shapesOf(schemas, child(shape.at, key, i), depth + 1)) : [];
  });
  return [shape, ...members];
}

/** The types a schema allows, its members' included; empty when it says none. */
const typesOf = (schemas: SchemaSource, at: SchemaPointer | undefined): string[] => shapeTypes(shapesOf(schemas, at));

export const shapeTypes = (shapes: Shape[]): string[] =>
  shapes.flatMap(({ value }) => (Array.isArray(value.type) ? value.type.map(String) : typeof value.type === "string" ? [value.type] : []));

/** One text value as the scalar its schema wants, left as text where it does not read as one. */
export function scalarOf(text: string, types: string[]): unknown {
  if ((types.includes("integer") || types.includes("number")) && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if (types.includes("null") && text === "") return null;
  return text;
}

/** Whether the schema at `at` is an object, which this reader leaves unchecked. */
export const isObjectSchema = (schemas: SchemaSource, at: SchemaPointer | undefined): boolean => typesOf(schemas, at).includes("object");

/**
 * A parameter's value from its texts (a query key may repeat): an array from repeated keys or from
 * commas, as `explode` says, else one scalar.
 */
export function readParameter(schemas: SchemaSource, schema: SchemaPointer | undefined, texts: string[], explode: boolean): unknown {
  const types = typesOf(schemas, schema);
  if (types.includes("array")) {
    const items = typesOf(schemas, schema && child(schemas.resolve(schema).at, "items"));
    const parts = explode ? texts : texts.flatMap((text) => text.split(","));
    return parts.map((part) => scalarOf(part, items));
  }
  return scalarOf(texts[0], types);
}

/** A parameter's value as texts: one per item of an exploded array, else one. */
export function writeParameter(value: unknown, explode: boolean): string[] {
  const text = (item: unknown) => (typeof item === "string" ? item : JSON.stringify(item));
  if (Array.isArray(value)) return explode ? value.map(text) : [value.map(text).join(",")];
  return [text(value)];
}

/** `application/json`, `application/problem+json`, `application/vnd.api+json; charset=utf-8`; and `*\/*`, a body declared as anything, which goes as JSON. */
export const isJsonMediaType = (type: string): boolean => /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i.test(type.trim()) || type.trim() === "*/*";

/** The media type of a Content-Type header without its parameters, lower case. */
export const essenceOf = (contentType: string): string => contentType.split(";")[0].trim().toLowerCase();

/** The declared media type that covers an actual one: exact, else `type/*`, else `*\/*`. */
export function mediaFor<M extends { type: string }>(declared: M[], actual: string): M | undefined {
  const essence = essenceOf(actual);
  const [kind] = essence.split("/");
  return declared.find((m) => essenceOf(m.type) === essence) ?? declared.find((m) => essenceOf(m.type) === `${kind}/*`) ?? declared.find((m) => essenceOf(m.type) === "*/*");
}
