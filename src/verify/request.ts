import type { SchemaSource } from "../contracts/schema-pointer.js";
import type { HttpOperation } from "../http/operations.js";
import { valueOf } from "../http/values.js";
import { isJsonMediaType, writeParameter } from "../http/wire.js";

/** A request `charter verify` sends. */
export interface VerifyRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A valid request for an operation, below the service's base URL: the path parameters and every
 * required parameter from the contract's examples, else synthesised from their schemas; a body
 * (the first JSON media type, else the first) when the operation requires one; Accept naming the
 * media types its responses declare.
 */
export function requestOf(operation: HttpOperation, schemas: SchemaSource, base: string): VerifyRequest {
  const textOf = (parameter: HttpOperation["parameters"][number]) => {
    const value = valueOf(schemas, parameter.example, parameter.schema);
    return value === undefined ? undefined : writeParameter(value.value, parameter.explode);
  };
  const path = operation.path.replace(/\{([^}]*)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === "path" && p.name === name);
    const texts = parameter && textOf({ ...parameter, explode: false });
    return encodeURIComponent(texts?.[0] ?? name);
  });
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const parameter of operation.parameters) {
    if (!parameter.required || parameter.in === "path") continue;
    const texts = textOf(parameter);
    if (!texts) continue;
    if (parameter.in === "query") for (const text of texts) query.append(parameter.name, text);
    else if (parameter.in === "header") headers[parameter.name.toLowerCase()] = texts.join(",");
    else cookies.push(`${parameter.name}=${texts.join(",")}`);
  }
  if (cookies.length) headers.cookie = cookies.join("; ");
  const accepted = [...new Set(operation.responses.flatMap((r) => r.content.map((m) => m.type)))];
  if (accepted.length) headers.accept = accepted.join(", ");
  let body: string | undefined;
  const media = operation.body?.required ? (operation.body.content.find((m) => isJsonMediaType(m.type)) ?? operation.body.content[0]) : undefined;
  const value = media && valueOf(schemas, media.example, media.schema);
  if (media && value) {
    headers["content-type"] = media.type.includes("*") ? "application/json" : media.type;
    body = isJsonMediaType(media.type) || typeof value.value !== "string" ? JSON.stringify(value.value) : value.value;
  }
  const search = query.toString();
  return { method: operation.method, url: `${base.replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`, headers, body };
}
