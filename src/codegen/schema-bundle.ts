import { child, segmentsOf, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { InputError } from "../errors.js";
import { isObject } from "../lint/helpers/yaml.js";
import { pascalIdentifier } from "./openapi/names.js";

type Json = Record<string, unknown>;

/** Where the schemas come from, and how to name a file of the registry in an error. */
export interface BundleSources {
  schemas: SchemaSource;
  display: (file: string) => string;
}

export interface BundleOptions {
  /** Names the definitions must not take (those the output document already has). */
  reserved?: Iterable<string>;
  /** The `$ref` of a place that already has a name in the output document, which is then not copied. */
  named?: (at: SchemaPointer) => string | undefined;
  /** The definitions are compiled into validators: each `pattern` must be a regular expression that compiles. */
  compiled?: boolean;
}

/** One `InputError` at a place of the registry, with its line and column. */
export function failAt(sources: BundleSources, message: string, at: SchemaPointer): never {
  const { line, column } = sources.schemas.location(at);
  throw new InputError(message, sources.display(at.file), line, column);
}

/** Sets a key as an own property, `__proto__` included (an assignment would set the prototype instead). */
export function setOwn(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The schemas of a contract as one self-contained set of named definitions, taken from the
 * registry snapshot alone, so that ajv and openapi-typescript never follow a `$ref` out of the set
 * (nor to the disk or the network): each schema asked for is a definition, each schema a `$ref`
 * reaches (in this file or another of the registry) one named after where it lives, and every
 * `$ref` becomes `<prefix><name>`. Cycles are fine, `$ref: '#'` of a schema file included: a schema
 * is named before its insides are copied.
 */
export class SchemaBundle {
  readonly definitions = new Map<string, unknown>();
  private readonly names = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(
    private readonly sources: BundleSources,
    private readonly options: BundleOptions = {},
  ) {
    this.taken = new Set(options.reserved);
  }

  /**
   * Adds the schema at `at` (unless it is there already) and returns the `$ref` that names it: by
   * `name`, else after where it lives (its key, or its file for a whole file).
   */
  ref(at: SchemaPointer, name?: string): string {
    const target = this.sources.schemas.resolve(at);
    const named = this.options.named?.(target.at);
    if (named !== undefined) return named;
    if (target.at.pointer === "" && isObject(target.value) && (typeof target.value.openapi === "string" || typeof target.value.asyncapi === "string")) {
      failAt(this.sources, `$ref points at the whole ${typeof target.value.openapi === "string" ? "OpenAPI" : "AsyncAPI"} document ${this.sources.display(target.at.file)}, not at a schema`, child(at, "$ref"));
    }
    if (!isObject(target.value) && typeof target.value !== "boolean") failAt(this.sources, `a schema must be an object or a boolean, not ${target.value === null ? "null" : Array.isArray(target.value) ? "a list" : `a ${typeof target.value}`}`, target.at);
    const key = `${target.at.file}#${target.at.pointer}`;
    const known = this.names.get(key);
    if (known) return REF + known;
    const unique = this.unique(name ?? segmentsOf(target.at.pointer).at(-1) ?? baseName(target.at.file));
    this.names.set(key, unique);
    this.definitions.set(unique, null);
    this.definitions.set(unique, this.copy(target.value, target.at));
    return REF + unique;
  }

  /** Adds the schema at `at` under `name` and returns the name of its definition. */
  add(at: SchemaPointer, name: string): string {
    return this.ref(at, name).slice(REF.length);
  }

  /** Adds a schema written here (a message without a payload gets `{}`) under a fresh name. */
  addValue(name: string, schema: unknown): string {
    const unique = this.unique(name);
    this.definitions.set(unique, schema);
    return unique;
  }

  /** The definitions with every `$ref` pointing at `prefix` + name: `#/definitions/`, `#/components/schemas/`. */
  render(prefix: string): Json {
    return Object.fromEntries([...this.definitions].map(([name, schema]) => [name, rewrite(schema, prefix)]));
  }

  private unique(name: string): string {
    const base = pascalIdentifier(name);
    let unique = base;
    for (let n = 2; this.definitions.has(unique) || this.taken.has(unique); n += 1) unique = `${base}${n}`;
    return unique;
  }

  /**
   * A copy of a schema whose `$ref`s name definitions of the bundle (or places the output document
   * has). `place` says what the value is: a schema, a map or list of schemas, or data (an example,
   * an enum), whose keys are checked as nothing.
   */
  private copy(value: unknown, at: SchemaPointer, place: Place = "schema"): unknown {
    if (Array.isArray(value)) return value.map((item, i) => this.copy(item, child(at, i), place === "schemas" ? "schema" : place));
    if (!isObject(value)) return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      const here = child(at, key);
      // Every `$ref` now names a definition of the bundle: a base URI of the file it came from would only mislead ajv.
      if (place === "schema" && (key === "$id" || key === "$schema") && typeof item === "string") continue;
      if (key === "$ref" && typeof item === "string" && place !== "data") {
        setOwn(out, "$ref", this.ref(at));
      } else {
        if (place === "schema") this.check(key, item, here);
        setOwn(out, key, this.copy(item, here, place === "schema" ? placeOf(key, item) : place === "schemas" ? "schema" : "data"));
      }
    }
    if (place === "schema") bundleMapping(value, out);
    return out;
  }

  /** A keyword of a schema: its shape, and for validators what ajv would refuse or skip. */
  private check(key: string, item: unknown, at: SchemaPointer): void {
    checkShape(this.sources, key, item, at);
    if (!this.options.compiled) return;
    if (key === "pattern" && typeof item === "string") checkPattern(this.sources, item, at);
    // ajv checks schemas against the meta-schema, which wants annotations as text (a `$ref` there is not followed).
    if ((key === "title" || key === "description") && typeof item !== "string") failAt(this.sources, `${key} must be a string`, at);
    if (key === "properties" && isObject(item) && Object.hasOwn(item, "__proto__")) {
      // ajv skips such a property on purpose (it is the object's prototype to JavaScript): it would go unchecked.
      failAt(this.sources, "a property named __proto__ cannot be validated (JavaScript reads it as the object's prototype): rename it", child(at, "__proto__"));
    }
  }
}

/** What a value inside a schema is. */
type Place = "schema" | "schemas" | "data";

/** What the value of a schema's keyword is: schemas, or data (enum, const, default, examples, x-…, any other keyword). */
function placeOf(key: string, value: unknown): Place {
  if (SCHEMA.has(key)) return Array.isArray(value) ? "schemas" : "schema";
  // `dependencies` (draft 4-7) maps to schemas or to lists of names: both are copied as schemas are.
  return SCHEMA_LISTS.has(key) || SCHEMA_MAPS.has(key) || key === "dependencies" ? "schemas" : "data";
}

/** Keywords whose value is a count (JSON Schema: a non-negative integer). */
const COUNTS = new Set(["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains"]);
/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const SCHEMA = new Set(["items", "additionalItems", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties"]);
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/**
 * What openapi-typescript and ajv would otherwise fail on without a place (a property whose schema
 * is null, a negative minLength): refused here, at the keyword's line. A schema is an object or a boolean.
 */
export function checkShape(sources: BundleSources, key: string, item: unknown, at: SchemaPointer): void {
  const isSchema = (value: unknown) => isObject(value) || typeof value === "boolean";
  const isType = (value: unknown) => typeof value === "string" && TYPES.has(value);
  if (key === "type" && !(isType(item) || (Array.isArray(item) && item.every(isType)))) failAt(sources, `type must be one of ${[...TYPES].join(", ")}, or a list of them`, at);
  if (COUNTS.has(key) && !(Number.isInteger(item) && (item as number) >= 0)) failAt(sources, `${key} must be a non-negative integer`, at);
  if (SCHEMA.has(key) && !isSchema(item) && !(key === "items" && Array.isArray(item))) failAt(sources, `${key} must be a schema (an object or a boolean)`, at);
  if (SCHEMA_LISTS.has(key) && !(Array.isArray(item) && item.length > 0)) failAt(sources, `${key} must be a non-empty list of schemas`, at);
  if (SCHEMA_MAPS.has(key) && !isObject(item)) failAt(sources, `${key} must be a map of names to schemas`, at);
  if (SCHEMA_LISTS.has(key) && Array.isArray(item)) {
    item.forEach((entry, i) => isSchema(entry) || failAt(sources, `${key}[${i}] must be a schema (an object or a boolean)`, child(at, i)));
  }
  if (SCHEMA_MAPS.has(key) && isObject(item)) {
    for (const [name, entry] of Object.entries(item)) if (!isSchema(entry)) failAt(sources, `${key}.${name} must be a schema (an object or a boolean)`, child(at, name));
  }
}

/** ajv compiles `pattern` with the `u` flag, as JSON Schema asks (ECMA-262). */
function checkPattern(sources: BundleSources, pattern: string, at: SchemaPointer): void {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    failAt(sources, `pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}`, at);
  }
}

/** `schemas/order.schema.json` → `order`: the name of a schema that is a whole file. */
const baseName = (file: string): string => file.replace(/^.*\//, "").replace(/\..*$/, "") || "Schema";

/** The placeholder prefix of `$ref`s until render() sets the real one. */
const REF = "#/$bundle/";

/** A `$ref` that ref() returned, pointing at `prefix` + name when it names a definition of the bundle. */
export const bundledRef = (ref: string, prefix: string): string => (ref.startsWith(REF) ? prefix + ref.slice(REF.length) : ref);

/**
 * A discriminator's mapping names its schemas by `$ref` (or by component name), which
 * openapi-typescript reads only as `$ref`s of the bundled document: a `$ref` a member of the
 * oneOf/anyOf is written with becomes that member's bundled `$ref` (a schema of another file is
 * renamed when bundled), and a bare name becomes `bareName(name)` where given. Without this, the
 * union would be narrowed by the schemas' names instead of the mapping's values.
 */
export function bundleMapping(source: Json, out: Json, bareName?: (name: string) => string): void {
  const discriminator = out.discriminator;
  if (!isObject(source.discriminator) || !isObject(discriminator) || !isObject(discriminator.mapping)) return;
  const written = ["oneOf", "anyOf"].flatMap((key) => (Array.isArray(source[key]) ? (source[key] as unknown[]) : []));
  const bundled = ["oneOf", "anyOf"].flatMap((key) => (Array.isArray(out[key]) ? (out[key] as unknown[]) : []));
  const mapping: Json = {};
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    if (typeof target !== "string") {
      setOwn(mapping, value, target);
      continue;
    }
    const member = written.findIndex((m) => isObject(m) && m.$ref === target);
    const ref = member >= 0 && isObject(bundled[member]) ? bundled[member].$ref : undefined;
    setOwn(mapping, value, typeof ref === "string" ? ref : bareName && /^[A-Za-z0-9._-]+$/.test(target) ? bareName(target) : target);
  }
  out.discriminator = { ...discriminator, mapping };
}

/** Every `$ref`, and every discriminator mapping bundleMapping wrote, pointing at `prefix` + name. */
function rewrite(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, prefix));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    setOwn(out, key, key === "$ref" && typeof item === "string" ? bundledRef(item, prefix) : rewrite(item, prefix));
  }
  if (isObject(out.discriminator) && isObject(out.discriminator.mapping)) {
    const mapping = out.discriminator.mapping;
    for (const [name, target] of Object.entries(mapping)) if (typeof target === "string") setOwn(mapping, name, bundledRef(target, prefix));
  }
  return out;
}
