import { child, type SchemaPointer, type SchemaSource } from "../schema-pointer.js";
import { isObject, type Declared, type Json, type Parsed } from "./declared.js";

/**
 * `x-charter-enum-fallback: <value>` next to an `enum`: the value a reader maps an enum value it
 * does not know to, so a value added by a newer writer does not reject the whole message.
 */
export const ENUM_FALLBACK_KEY = "x-charter-enum-fallback";

/** The fallback of an enum schema; a problem when the schema has no `enum` or the fallback is not one of its values. */
export function parseEnumFallback(schema: Json): Parsed<unknown> {
  const raw = schema[ENUM_FALLBACK_KEY];
  if (!Array.isArray(schema.enum)) return { problem: "is on a schema without an enum" };
  const known = schema.enum.map((v) => JSON.stringify(v));
  return known.includes(JSON.stringify(raw)) ? { value: raw } : { problem: `${JSON.stringify(raw)} is not one of the enum's values` };
}

/**
 * Every enum fallback a schema reaches, by property path (`status`, `lines/*\/kind`: `*` for array
 * items and map values), `$ref`s followed once per path. Fallbacks that do not parse are left out.
 */
export function enumFallbacksIn(schemas: SchemaSource, at: SchemaPointer): Map<string, Declared<unknown>> {
  const found = new Map<string, Declared<unknown>>();
  const walk = (here: SchemaPointer, path: string[], stack: string[]): void => {
    const { value, at: where } = schemas.resolve(here);
    const place = `${where.file}#${where.pointer}`;
    if (!isObject(value) || stack.includes(place)) return;
    const inner = [...stack, place];
    if (ENUM_FALLBACK_KEY in value) {
      const parsed = parseEnumFallback(value);
      const key = path.join("/");
      if ("value" in parsed && !found.has(key)) found.set(key, { value: parsed.value, at: child(where, ENUM_FALLBACK_KEY) });
    }
    for (const branch of ["allOf", "anyOf", "oneOf"]) {
      const list = value[branch];
      if (Array.isArray(list)) list.forEach((_, i) => walk(child(where, branch, i), path, inner));
    }
    if (isObject(value.properties)) for (const name of Object.keys(value.properties)) walk(child(where, "properties", name), [...path, name], inner);
    for (const many of ["items", "additionalProperties"]) if (isObject(value[many])) walk(child(where, many), [...path, "*"], inner);
  };
  walk(at, [], []);
  return found;
}
