import { createHash } from "node:crypto";
import type { SchemaSource } from "../contracts/schema-pointer.js";
import type { HttpOperation, HttpParameter, Written } from "../http/operations.js";
import { valueOf } from "../http/values.js";
import { isObject } from "../contracts/openapi/model.js";
import { FORM, writeForm } from "../http/form.js";
import { essenceOf, isJsonMediaType, writeParameter } from "../http/wire.js";

/** A request `charter verify` sends. */
export interface VerifyRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * How a case (cases.ts) departs from the plain valid request: a parameter given this value (an
 * optional one included), a parameter left out, or this body value instead of the contract's.
 */
export interface RequestChange {
  set?: { parameter: HttpParameter; value: unknown };
  omit?: HttpParameter;
  body?: Written;
}

/**
 * A request for an operation, below the service's base URL: the path parameters and every
 * required parameter from the contract's examples, else synthesised from their schemas
 * (`deepObject` ones as `name[key]=value`); a body (the first JSON media type, else the first; a
 * form as form.ts writes it) when the operation requires one; Accept naming the
 * media types its responses declare; its idempotency key when it declares one. `change` makes it
 * one of verify's other cases.
 */
export function requestOf(operation: HttpOperation, schemas: SchemaSource, base: string, change: RequestChange = {}): VerifyRequest {
  const same = (a: HttpParameter | undefined, b: HttpParameter) => a !== undefined && a.name === b.name && a.in === b.in;
  const textOf = (parameter: HttpParameter) => {
    const value = same(change.set?.parameter, parameter) ? { value: change.set!.value } : valueOf(schemas, parameter.example, parameter.schema);
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
  const deepObjects: string[] = [];
  for (const parameter of operation.parameters) {
    if ((!parameter.required && !same(change.set?.parameter, parameter)) || parameter.in === "path" || same(change.omit, parameter)) continue;
    if (parameter.in === "query" && parameter.style === "deepObject") {
      const value = same(change.set?.parameter, parameter) ? { value: change.set!.value } : valueOf(schemas, parameter.example, parameter.schema);
      if (value) deepObjects.push(writeForm({ [parameter.name]: value.value }));
      continue;
    }
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
  const media = bodyMediaOf(operation);
  const value = media && (change.body ?? valueOf(schemas, media.example, media.schema));
  if (media && value) {
    headers["content-type"] = media.type.includes("*") ? "application/json" : media.type;
    body =
      essenceOf(media.type) === FORM && isObject(value.value) ? writeForm(value.value)
      : isJsonMediaType(media.type) || typeof value.value !== "string" ? JSON.stringify(value.value)
      : value.value;
  }
  const search = [query.toString(), ...deepObjects].filter(Boolean).join("&");
  const url = `${base.replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`;
  const key = operation.idempotencyKey;
  if (key && !(change.omit?.in === "header" && change.omit.name.toLowerCase() === key.toLowerCase())) headers[key.toLowerCase()] = idempotencyKeyOf(operation.method, url, body);
  return { method: operation.method, url, headers, body };
}

/**
 * An idempotency key for a request, in UUID form (as servers and schemas most often want it):
 * derived from the request, so each case gets its own key and a service that holds a reused key
 * with another request as an error (as the IETF draft has it) is not asked to.
 */
function idempotencyKeyOf(method: string, url: string, body: string | undefined): string {
  const hex = createHash("sha256").update(`${method} ${url}\n${body ?? ""}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The media type a required body is sent as: the first JSON one, else the first. */
export const bodyMediaOf = (operation: HttpOperation) => (operation.body?.required ? (operation.body.content.find((m) => isJsonMediaType(m.type)) ?? operation.body.content[0]) : undefined);
