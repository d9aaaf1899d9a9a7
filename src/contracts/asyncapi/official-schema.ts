import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import type { SchemaViolation } from "../contract.js";
import { child, segmentsOf, type SchemaPointer } from "../schema-pointer.js";
import { describeSchemaError, segments } from "../schema-error.js";
import { DATA_KEYS, isRef, type RegistrySchemas } from "../schema-source.js";
import { cachedValidator } from "../validator-cache.js";
import type { AsyncApiDocument } from "./document.js";

const require = createRequire(import.meta.url);
const validators = new Map<string, ValidateFunction>();

/** The version of @asyncapi/specs, for the validation cache's key. */
export const specsVersion = (): string => (require("@asyncapi/specs/package.json") as { version: string }).version;

/** The official schema's file for a document's version: @asyncapi/specs publishes one per minor version. */
const schemaVersion = (declared: string): string => declared.replace(/\.\d+$/, ".0");

type Definitions = Record<string, Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> }>;

/**
 * @asyncapi/specs' schema for one version, prepared as @asyncapi/parser prepares it: the JSON
 * Schema meta-schemas it embeds are ajv's own, and a `$ref` need not be an RFC 3986 URI (`[`, `]`
 * are valid pointer characters). In 3.x, where a field must be a Reference (an operation's channel
 * and messages, a channel's servers), the object a reference into another file leads to is
 * accepted too, since those references are followed before validation (`resolvedView`).
 */
function preparedSchema(version: string): Record<string, unknown> {
  const schema = JSON.parse(JSON.stringify(require(`@asyncapi/specs/schemas/${version}.json`))) as { definitions: Definitions };
  delete schema.definitions["http://json-schema.org/draft-07/schema"];
  delete schema.definitions["http://json-schema.org/draft-04/schema"];
  const definition = (name: string) => schema.definitions[`http://asyncapi.com/definitions/${version}/${name}.json`];
  delete definition("ReferenceObject")?.format;
  if (version.startsWith("3.")) {
    const referenceOr = (name: string) => ({ anyOf: [{ $ref: `http://asyncapi.com/definitions/${version}/Reference.json` }, { $ref: `http://asyncapi.com/definitions/${version}/${name}.json` }] });
    const allow = (object: string, field: string, name: string, items: boolean) => {
      const property = definition(object)?.properties?.[field];
      if (!property) return;
      if (items) property.items = referenceOr(name);
      else definition(object)!.properties![field] = { ...referenceOr(name), description: property.description };
    };
    allow("channel", "servers", "server", true);
    allow("operation", "channel", "channel", false);
    allow("operation", "messages", "messageObject", true);
    allow("operationReply", "channel", "channel", false);
    allow("operationReply", "messages", "messageObject", true);
  }
  return schema;
}

/** The compiled validator of a version: compiled once per machine (`validator-cache.ts`), loaded once per process. */
function validator(version: string): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    validate = cachedValidator(`asyncapi-${version}`, preparedSchema(version), () => {
      const { default: Ajv, _ } = require("ajv") as typeof import("ajv");
      const addFormats = require("ajv-formats").default as (ajv: Ajv) => void;
      const ajv = new Ajv({
        // The schemas carry keywords of their own (x-…, examples): not errors.
        strict: false,
        validateSchema: false,
        logger: false,
        // A key named `__proto__` or `hasOwnProperty` is a key like any other.
        ownProperties: true,
        // Formats as @asyncapi/parser checks them (ajv-formats' full set), found by the cached code at run time.
        code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
      });
      addFormats(ajv);
      return ajv;
    });
    validators.set(version, validate);
  }
  return validate;
}

/**
 * The document as the schema checks it: every `$ref` written in another file, or leading to one,
 * replaced by what it leads to, so the neighbours a document reaches are checked in their place (as
 * the parser checks the resolved document). `$ref`s inside the document stay: the schema allows
 * them where AsyncAPI does, and checks their targets where they are written. Objects are copied
 * only on the way to a replacement; `origins` says where each replacement is written.
 */
function resolvedView(document: AsyncApiDocument, schemas: RegistrySchemas): { view: unknown; origins: WeakMap<object, SchemaPointer> } {
  const origins = new WeakMap<object, SchemaPointer>();
  const view = (value: unknown, at: SchemaPointer, followed: Set<string>): unknown => {
    if (value === null || typeof value !== "object") return value;
    if (isRef(value)) {
      if (at.file === document.file && value.$ref.startsWith("#")) return value;
      const { value: target, at: to } = schemas.resolve(at);
      const key = `${to.file}#${to.pointer}`;
      // A reference that comes back round (a recursive payload) stays one: it is a valid Reference Object.
      if (!followed.has(key)) {
        const replaced = view(target, to, new Set(followed).add(key));
        if (replaced !== null && typeof replaced === "object" && !origins.has(replaced)) origins.set(replaced, to);
        return replaced;
      }
      return value;
    }
    let copy: Record<string, unknown> | unknown[] | undefined;
    for (const key of Object.keys(value)) {
      if (DATA_KEYS.has(key)) continue;
      const before = (value as Record<string, unknown>)[key];
      const after = view(before, child(at, key), followed);
      if (after === before) continue;
      copy ??= Array.isArray(value) ? [...value] : { ...value };
      // defineProperty, not assignment: a key named `__proto__` stays a key.
      Object.defineProperty(copy, key, { value: after, enumerable: true, writable: true, configurable: true });
    }
    return copy ?? value;
  };
  return { view: view(document.root, { file: document.file, pointer: "" }, new Set()), origins };
}

/** Where a path of the resolved view is written: the last replacement on the way, and the rest of the path under it. */
function placeOf(view: unknown, origins: WeakMap<object, SchemaPointer>, path: string[], start: SchemaPointer): SchemaPointer {
  let at = start;
  let node = view;
  for (const segment of path) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segment] : undefined;
    const origin = node !== null && typeof node === "object" ? origins.get(node) : undefined;
    at = origin ?? child(at, segment);
  }
  return at;
}

/**
 * How deep an error is, for picking the most telling one: an unexpected key is one level under its
 * object, and errors that only say a wrapper failed (`oneOf`, a Reference Object's missing `$ref`
 * next to the branch that really applies) do not count.
 */
function depth(error: ErrorObject): number {
  if (error.keyword === "oneOf" || error.keyword === "anyOf" || error.keyword === "if") return -1;
  if (error.keyword === "required" && (error.params as { missingProperty?: string }).missingProperty === "$ref") return -1;
  return segments(error.instancePath).length + (error.keyword === "additionalProperties" ? 1 : 0);
}

/**
 * The document against @asyncapi/specs' schema of its version, the files its `$ref`s reach
 * included: the most telling violation, at the registry file, line and column where it is written.
 */
export function validateAgainstSpecs(document: AsyncApiDocument, schemas: RegistrySchemas): SchemaViolation | undefined {
  const declared = String(document.root.asyncapi);
  const version = schemaVersion(declared);
  if (!hasSchema(version)) {
    const { line, column } = document.source.position(["asyncapi"]);
    return { message: `not valid AsyncAPI ${declared}: @asyncapi/specs ${specsVersion()} has no schema for it`, location: { file: document.file, line, column } };
  }
  const { view, origins } = resolvedView(document, schemas);
  const validate = validator(version);
  if (validate(view)) return undefined;
  const errors = validate.errors ?? [];
  const error = errors.reduce((best, e) => (depth(e) > depth(best) ? e : best));
  const { path, extra, where, what } = describeSchemaError(error);
  const at = placeOf(view, origins, path, { file: document.file, pointer: "" });
  const source = schemas.source(at.file)!;
  const { line, column } = source.position(extra ? [...segmentsOf(at.pointer), extra] : segmentsOf(at.pointer), extra !== undefined);
  return { message: `not valid AsyncAPI ${declared}: ${where} ${what}`, location: { file: at.file, line, column } };
}

function hasSchema(version: string): boolean {
  try {
    require.resolve(`@asyncapi/specs/schemas/${version}.json`);
    return true;
  } catch {
    return false;
  }
}
