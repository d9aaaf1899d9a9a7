import { ENUM_FALLBACK_KEY, parseEnumFallback } from "../../contracts/extensions/enum-fallback.js";
import { isObject } from "../../lint/helpers/yaml.js";

/**
 * How generated consumers read enums they may not know every value of. A producer validates
 * strictly; a consumer maps an unknown value of an enum that declares `x-charter-enum-fallback` to
 * that fallback, and accepts any value of an `x-extensible-enum` that declares none (its readers
 * promised to cope), so an enum value added by a newer producer does not dead-letter the event.
 */

type Json = Record<string, unknown>;

/** Where a payload holds an enum with a fallback, as runtime.ts's `EnumFallback` wants it. */
export interface EnumFallback {
  path: string[];
  values: unknown[];
  fallback: unknown;
}

/** The definitions a consumer validates against: open-ended enums without a fallback lose their `enum`. */
export function readerDefinitions(definitions: Json): Json {
  const open = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(open);
    if (!isObject(value)) return value;
    // Read as the compatibility checker (compat/schema/enums.ts) reads it: any `x-extensible-enum` opens the enum.
    const drop = "x-extensible-enum" in value && !(ENUM_FALLBACK_KEY in value);
    return Object.fromEntries(Object.entries(value).filter(([key]) => !(drop && key === "enum")).map(([key, item]) => [key, open(item)]));
  };
  return open(definitions) as Json;
}

/**
 * Every enum with a fallback a payload can reach from its root definition, by property path
 * (`*` for array items and map values). A recursive schema is followed once per path.
 */
export function enumFallbacks(definitions: Json, root: string, prefix: string): EnumFallback[] {
  const found: EnumFallback[] = [];
  const seen = new Set<string>();
  const walk = (schema: unknown, path: string[], stack: string[]): void => {
    if (!isObject(schema)) return;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith(prefix)) {
      const name = schema.$ref.slice(prefix.length);
      if (!stack.includes(name)) walk(definitions[name], path, [...stack, name]);
    }
    const fallback = ENUM_FALLBACK_KEY in schema ? parseEnumFallback(schema) : undefined;
    if (fallback && "value" in fallback) {
      const key = path.join("\u0000");
      if (!seen.has(key)) {
        seen.add(key);
        found.push({ path, values: schema.enum as unknown[], fallback: fallback.value });
      }
    }
    for (const branch of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(schema[branch])) for (const s of schema[branch] as unknown[]) walk(s, path, stack);
    if (isObject(schema.properties)) for (const [name, s] of Object.entries(schema.properties)) walk(s, [...path, name], stack);
    for (const many of ["items", "additionalProperties"]) if (isObject(schema[many])) walk(schema[many], [...path, "*"], stack);
  };
  walk(definitions[root], [], [root]);
  return found;
}
