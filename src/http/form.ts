import qs from "qs";
import { isObject } from "../contracts/openapi/model.js";
import { child, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { scalarOf, shapesOf, shapeTypes, type Shape } from "./wire.js";

/**
 * Form bodies (`application/x-www-form-urlencoded`) and `deepObject` query parameters: keys in
 * brackets nest (`metadata[plan]=pro`, `items[0][price]=p_1`), as Stripe's clients and qs write
 * them and OpenAPI's `deepObject` style describes, and texts are read as the numbers and booleans
 * their schemas want before validation.
 */

/** The media type of a form body. */
export const FORM = "application/x-www-form-urlencoded";

/** How deep bracketed keys nest (qs's default, 5, is too shallow for Stripe's forms). */
const DEPTH = 20;
/** Indexes above which qs keeps keys as object keys; a list the schema wants is made from them anyway (listOf). */
const ARRAY_LIMIT = 1000;

/** The pairs of a form or a query string, nested by their brackets. */
export const parseForm = (text: string): Record<string, unknown> => qs.parse(text, { depth: DEPTH, arrayLimit: ARRAY_LIMIT, parameterLimit: 10_000 });

/** A form body's value, read as its schema says. */
export const readForm = (schemas: SchemaSource, schema: SchemaPointer | undefined, text: string): unknown => valueAs(schemas, schema, parseForm(text));

/** A value written as a form (or as a `deepObject` parameter, given `{ name: value }`): lists by index, as Stripe's clients send them. */
export const writeForm = (value: Record<string, unknown>): string => qs.stringify(value, { arrayFormat: "indices" });

/** A value parsed from a form or query string, its texts read as the scalars the schema at `at` wants. */
export function valueAs(schemas: SchemaSource, at: SchemaPointer | undefined, value: unknown): unknown {
  const shapes = shapesOf(schemas, at);
  if (typeof value === "string") return scalarOf(value, shapeTypes(shapes));
  const list = Array.isArray(value) ? value : listOf(shapes, value);
  if (list) {
    const items = shapes.find((s) => isObject(s.value.items));
    return list.map((item) => valueAs(schemas, items && child(items.at, "items"), item));
  }
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, valueAs(schemas, propertyAt(shapes, key), item)]));
}

/** An object of index keys (`{ "0": ..., "1": ... }`) as the list it is, where the schema wants a list. */
function listOf(shapes: Shape[], value: unknown): unknown[] | undefined {
  if (!isObject(value) || !shapeTypes(shapes).includes("array")) return undefined;
  const keys = Object.keys(value);
  if (!keys.length || !keys.every((key) => /^\d+$/.test(key))) return undefined;
  return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
}

/** Where a property's schema is: declared in one of the shapes, else their `additionalProperties`. */
function propertyAt(shapes: Shape[], key: string): SchemaPointer | undefined {
  for (const { value, at } of shapes) if (isObject(value.properties) && key in value.properties) return child(at, "properties", key);
  const open = shapes.find((s) => isObject(s.value.additionalProperties));
  return open && child(open.at, "additionalProperties");
}
