import { child, type SchemaPointer } from "../schema-pointer.js";
import type { OpenApiVersion } from "./version.js";

/** A JSON object of the document, as parsed. */
export type Json = Record<string, unknown>;

/** The methods a path item may hold; `query` (a safe method with a body) came with OpenAPI 3.2. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"] as const;

export const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** An object found at a pointer after its `$ref` chain, with the place it really is (for locations). */
export interface Located {
  value: Json;
  at: SchemaPointer;
}

/** One operation of a version: a method under a path template, or a webhook. */
export interface Operation {
  method: string;
  /** The path as written (`/orders/{id}`), or the webhook's name. */
  path: string;
  /**
   * The matching key: the path with parameter names erased (`/orders/{}`), since renaming a path
   * parameter changes nothing on the wire; webhooks are keyed by name.
   */
  template: string;
  webhook: boolean;
  operation: Located;
  pathItem: Located;
}

/** A parameter of an operation, with those of its path item merged in as OpenAPI does. */
export interface Parameter {
  /** Matching key: location and name; path parameters by position, so renaming one is a refactor. */
  key: string;
  in: string;
  name: string;
  value: Json;
  at: SchemaPointer;
  /** Declared on the path item (shared by every operation of the path) rather than on the operation. */
  shared: boolean;
}

export const templateOf = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/** The value at a pointer after its `$ref` chain; undefined when it is not an object. */
export function resolveObject(version: OpenApiVersion, at: SchemaPointer): Located | undefined {
  const { value, at: where } = version.schemas.resolve(at);
  return isObject(value) ? { value, at: where } : undefined;
}

/** The object under `key` of a located object, `$ref` followed. */
export function member(version: OpenApiVersion, parent: Located, key: string): Located | undefined {
  return key in parent.value ? resolveObject(version, child(parent.at, key)) : undefined;
}

/** Entries of a map-valued member (`responses`, `content`, `headers`), each `$ref` followed. */
export function entries(version: OpenApiVersion, parent: Located | undefined, key: string): Map<string, Located> {
  const found = new Map<string, Located>();
  const map = parent && member(version, parent, key);
  if (!map) return found;
  for (const name of Object.keys(map.value)) {
    const entry = resolveObject(version, child(map.at, name));
    if (entry) found.set(name, entry);
  }
  return found;
}

export const rootOf = (version: OpenApiVersion): Located => ({
  value: version.document.root,
  at: { file: version.document.file, pointer: "" },
});

/** Every operation of a version (paths, then 3.1 webhooks), keyed by `METHOD template`. */
export function operationsOf(version: OpenApiVersion): Map<string, Operation> {
  const found = new Map<string, Operation>();
  const root = rootOf(version);
  for (const [group, webhook] of [["paths", false], ["webhooks", true]] as const) {
    for (const [path, pathItem] of entries(version, root, group)) {
      for (const method of HTTP_METHODS) {
        const operation = member(version, pathItem, method);
        if (!operation) continue;
        const template = webhook ? `webhook ${path}` : templateOf(path);
        found.set(operationKey(method, template), { method, path, template, webhook, operation, pathItem });
      }
    }
  }
  return found;
}

export const operationKey = (method: string, template: string) => `${method.toUpperCase()} ${template}`;

/** Path templates (paths only) of a version, for telling a removed path from a removed operation. */
export function templatesOf(version: OpenApiVersion): Set<string> {
  return new Set([...entries(version, rootOf(version), "paths").keys()].map(templateOf));
}

function parameterList(version: OpenApiVersion, owner: Located, shared: boolean, path: string): Parameter[] {
  const list = owner.value.parameters;
  if (!Array.isArray(list)) return [];
  const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const found: Parameter[] = [];
  list.forEach((_, index) => {
    const parameter = resolveObject(version, child(owner.at, "parameters", index));
    if (!parameter) return;
    const place = String(parameter.value.in ?? "");
    const name = String(parameter.value.name ?? "");
    // Header names are case-insensitive (RFC 9110); path parameters are matched by position.
    const key = place === "path" ? `path #${names.indexOf(name)}` : `${place} ${place === "header" ? name.toLowerCase() : name}`;
    found.push({ key, in: place, name, value: parameter.value, at: parameter.at, shared });
  });
  return found;
}

/** The parameters of an operation: the operation's own override the path item's of the same key. */
export function parametersOf(version: OpenApiVersion, op: Operation): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  for (const p of parameterList(version, op.pathItem, true, op.path)) found.set(p.key, p);
  for (const p of parameterList(version, op.operation, false, op.path)) found.set(p.key, p);
  return found;
}

/** Whether a parameter or header is required (path parameters always are). */
export const isRequired = (value: Json, place?: string) => place === "path" || value.required === true;
