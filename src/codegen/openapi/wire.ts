import { child } from "../../contracts/schema-pointer.js";
import { parametersOf, type OperationNode } from "../../lint/helpers/openapi.js";
import type { OpenApiContract } from "../../contracts/contract.js";

/**
 * How an operation goes over the wire, as the generated client's runtime reads it (@charter/runtime's serialize.ts):
 * each parameter's location, style and explode; the request body's media type and Encoding
 * Object; the media types each response status declares. Only what differs from the OpenAPI
 * defaults is kept, so the table in client.ts stays short.
 */
export interface Wire {
  params: Record<string, unknown>[];
  body?: { type: string; encoding?: Record<string, Record<string, unknown>> };
  /** Media types by response key (`200`, `4XX`, `default`); an empty list: no body declared. */
  responses: Record<string, string[]>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const STYLES = new Set(["matrix", "label", "simple", "form", "spaceDelimited", "pipeDelimited", "deepObject"]);
const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** The serialization fields of a Parameter or Encoding Object that the runtime needs. */
function styleOf(node: Json): Json {
  const out: Json = {};
  if (typeof node.style === "string" && STYLES.has(node.style)) out.style = node.style;
  if (typeof node.explode === "boolean") out.explode = node.explode;
  if (node.allowReserved === true) out.allowReserved = true;
  return out;
}

/** The media type a client sends: JSON first, then a form, then the first declared. */
export function requestMediaType(types: string[]): string | undefined {
  return (
    types.find((t) => /^application\/(?:[^;]*\+)?json\b/i.test(t)) ??
    types.find((t) => /^application\/x-www-form-urlencoded\b/i.test(t)) ??
    types.find((t) => /^multipart\/form-data\b/i.test(t)) ??
    types[0]
  );
}

export function wireOf(contract: OpenApiContract, operation: OperationNode, bodyType: string | undefined): Wire {
  const byKey = new Map<string, Json>();
  // Operation parameters override the path item's of the same name and location.
  for (const { value } of parametersOf(contract, operation)) {
    if (typeof value.name !== "string" || typeof value.in !== "string" || !LOCATIONS.has(value.in)) continue;
    const param: Json = { name: value.name, in: value.in, ...styleOf(value) };
    if (isObject(value.content)) {
      const type = Object.keys(value.content)[0];
      if (type !== undefined) param.contentType = type;
    }
    byKey.set(`${value.in} ${value.name}`, param);
  }

  let body: Wire["body"];
  const op = operation.value;
  if (bodyType !== undefined && op.requestBody !== undefined) {
    const requestBody = contract.schemas.resolve(child(operation.at, "requestBody")).value;
    const media = isObject(requestBody) && isObject(requestBody.content) ? requestBody.content[bodyType] : undefined;
    const encoding: Record<string, Json> = {};
    if (isObject(media) && isObject(media.encoding)) {
      for (const [property, spec] of Object.entries(media.encoding)) {
        if (!isObject(spec)) continue;
        const entry: Json = styleOf(spec);
        if (typeof spec.contentType === "string") entry.contentType = spec.contentType;
        if (Object.keys(entry).length) encoding[property] = entry;
      }
    }
    body = { type: bodyType, ...(Object.keys(encoding).length ? { encoding } : {}) };
  }

  const responses: Record<string, string[]> = {};
  for (const key of Object.keys(isObject(op.responses) ? op.responses : {})) {
    const response = contract.schemas.resolve(child(operation.at, "responses", key)).value;
    responses[key] = isObject(response) && isObject(response.content) ? Object.keys(response.content) : [];
  }
  return { params: [...byKey.values()], ...(body ? { body } : {}), responses };
}
