import type { SchemaPointer, SchemaSource } from "../contracts/schema-pointer.js";
import type { HttpOperation, HttpResponse } from "../http/operations.js";
import { valueOf } from "../http/values.js";
import { isJsonMediaType, writeParameter } from "../http/wire.js";

/** What the mock sends for an operation. */
export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A JSON body's value and the schema it should meet, for the mock to check what it sends. */
  sent?: { value: unknown; schema: SchemaPointer };
}

/** `200`, `2XX` (200) or `default` (200) as a status code; a range as its first code. */
const codeOf = (status: string): number => (status === "default" ? 200 : /^\dXX$/i.test(status) ? Number(status[0]) * 100 : Number(status));

/** The success the operation declares first by code (`200` before `201`, an exact code before `2XX`), else `default`, else its first response. */
function successOf(operation: HttpOperation): HttpResponse | undefined {
  const success = operation.responses.filter((r) => /^2/.test(r.status)).sort((a, b) => codeOf(a.status) - codeOf(b.status) || a.status.length - b.status.length);
  return success[0] ?? operation.responses.find((r) => r.status === "default") ?? operation.responses[0];
}

/**
 * The response by which an operation refuses a request, the first of `statuses` it declares (for a
 * malformed request `400`, else `422`, else `4XX`, else `default`); answered with its code (400 for
 * a range or `default`).
 */
export function refusalOf(operation: HttpOperation, statuses = ["400", "422", "4XX", "default"]): { response: HttpResponse; status: number } | undefined {
  for (const status of statuses) {
    const response = operation.responses.find((r) => r.status.toUpperCase() === status.toUpperCase());
    if (response) return { response, status: /^\d+$/.test(status) ? Number(status) : 400 };
  }
  return undefined;
}

/** The mock's answer to a valid request: the declared success (successOf), as answerWith makes it. */
export function answerOf(operation: HttpOperation, schemas: SchemaSource): MockAnswer {
  const response = successOf(operation);
  return response ? answerWith(response, codeOf(response.status), schemas) : { status: 204, headers: {}, body: "" };
}

/**
 * An answer with a declared response: its first JSON media type (else its first), a body from the
 * contract's example or synthesised from the schema, and every declared header with a value of its own.
 */
export function answerWith(response: HttpResponse, status: number, schemas: SchemaSource): MockAnswer {
  const headers: Record<string, string> = {};
  for (const header of response.headers) {
    // OpenAPI says a declared Content-Type header is ignored: the media type decides it.
    if (header.name.toLowerCase() === "content-type") continue;
    const value = valueOf(schemas, header.example, header.schema);
    if (value) headers[header.name] = writeParameter(value.value, false)[0];
  }
  const media = response.content.find((m) => isJsonMediaType(m.type)) ?? response.content[0];
  const value = media && valueOf(schemas, media.example, media.schema);
  if (!media || !value || status === 204 || status === 304) return { status, headers, body: "" };
  const json = isJsonMediaType(media.type);
  headers["content-type"] = media.type.includes("*") ? (json ? "application/json" : "application/octet-stream") : media.type;
  return {
    status,
    headers,
    body: json || typeof value.value !== "string" ? JSON.stringify(value.value) : value.value,
    sent: json && media.schema ? { value: value.value, schema: media.schema } : undefined,
  };
}
