import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import type { OpenApiContract } from "../../contracts/contract.js";
import type { OperationNode } from "../../lint/helpers/openapi.js";

/** What the generated client needs to read one declared response header (templates/codegen/openapi/response-headers.ts). */
export interface HeaderSpec {
  name: string;
  required?: boolean;
  type: Scalar | "array" | "object" | "json";
  items?: Scalar;
  properties?: Record<string, Scalar>;
  explode?: boolean;
  /** Declared with `content` rather than `schema`. */
  content?: boolean;
}

type Scalar = "string" | "number" | "integer" | "boolean";
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const SCALARS = new Set(["string", "number", "integer", "boolean"]);

/**
 * The headers each of `keys` (response keys: `200`, `2XX`) declares, for the client to read typed.
 * `Content-Type` is left out, as OpenAPI says it is ignored among response headers.
 */
export function responseHeadersOf(contract: OpenApiContract, operation: OperationNode, keys: string[]): Record<string, HeaderSpec[]> {
  const out: Record<string, HeaderSpec[]> = {};
  for (const key of keys) {
    const responseAt = child(operation.at, "responses", key);
    const response = contract.schemas.resolve(responseAt);
    if (!isObject(response.value) || !isObject(response.value.headers)) continue;
    const specs: HeaderSpec[] = [];
    for (const name of Object.keys(response.value.headers)) {
      if (name.toLowerCase() === "content-type") continue;
      const header = contract.schemas.resolve(child(response.at, "headers", name));
      if (isObject(header.value)) specs.push(headerSpec(contract, name, header.value, header.at));
    }
    if (specs.length) out[key] = specs;
  }
  return out;
}

function headerSpec(contract: OpenApiContract, name: string, header: Json, at: SchemaPointer): HeaderSpec {
  const spec: HeaderSpec = { name, type: "string" };
  if (header.required === true) spec.required = true;
  if (isObject(header.content)) {
    spec.content = true;
    if (Object.keys(header.content).some((type) => /^application\/(?:[^;]*\+)?json\b/i.test(type))) spec.type = "json";
    return spec;
  }
  if (header.schema === undefined) return spec;
  const { value: schema, at: schemaAt } = contract.schemas.resolve(child(at, "schema"));
  const type = typeOf(schema);
  if (type === "array" && isObject(schema)) {
    spec.type = "array";
    const items = scalarOf(isObject(schema.items) ? contract.schemas.resolve(child(schemaAt, "items")).value : undefined);
    if (items !== "string") spec.items = items;
  } else if (type === "object" && isObject(schema)) {
    spec.type = "object";
    const properties: Record<string, Scalar> = {};
    for (const property of Object.keys(isObject(schema.properties) ? schema.properties : {})) {
      const scalar = scalarOf(contract.schemas.resolve(child(schemaAt, "properties", property)).value);
      if (scalar !== "string") properties[property] = scalar;
    }
    if (Object.keys(properties).length) spec.properties = properties;
    if (header.explode === true) spec.explode = true;
  } else {
    spec.type = scalarOf(schema);
  }
  return spec;
}

/** A schema's type; of a 3.1 list of types, the first that is not `null`. */
function typeOf(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  const types = ([] as unknown[]).concat(schema.type).filter((t): t is string => typeof t === "string" && t !== "null");
  return types[0];
}

function scalarOf(schema: unknown): Scalar {
  const type = typeOf(schema);
  return type !== undefined && SCALARS.has(type) ? (type as Scalar) : "string";
}
