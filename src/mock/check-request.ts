import type { HttpOperation } from "../http/operations.js";
import { jsonBodyViolations, type ValidateAt } from "../http/validator.js";
import { FORM, parseForm, readForm, valueAs } from "../http/form.js";
import { essenceOf, isObjectSchema, mediaFor, readParameter } from "../http/wire.js";
import type { SchemaSource } from "../contracts/schema-pointer.js";

/** A request as the mock received it; header names in lower case, as node:http gives them. */
export interface MockRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What is wrong with a request: where (`body`, or a parameter's place and name), the JSON pointer in that value, and why. */
export interface RequestViolation {
  in: "path" | "query" | "header" | "cookie" | "body";
  name?: string;
  pointer: string;
  message: string;
}

function cookiesOf(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of [header ?? []].flat().join(";").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return cookies;
}

/** The texts a parameter was sent as, none when absent. */
function textsOf(request: MockRequest, place: string, name: string): string[] {
  if (place === "path") return name in request.params ? [request.params[name]] : [];
  if (place === "query") return request.query.getAll(name);
  if (place === "cookie") {
    const value = cookiesOf(request.headers.cookie).get(name);
    return value === undefined ? [] : [value];
  }
  const value = request.headers[name.toLowerCase()];
  return value === undefined ? [] : [value].flat();
}

/**
 * The violations of a request against its operation: each parameter read as its schema says
 * (`deepObject` ones by form.ts) and validated, a required one that is missing, and a JSON or form
 * body parsed and validated. Bodies of other media types are checked for their Content-Type only.
 */
export function checkRequest(operation: HttpOperation, request: MockRequest, schemas: SchemaSource, validate: ValidateAt): RequestViolation[] {
  const violations: RequestViolation[] = [];
  let deep: Record<string, unknown> | undefined;
  for (const parameter of operation.parameters) {
    const deepObject = parameter.in === "query" && parameter.style === "deepObject";
    if (deepObject) deep ??= parseForm(request.query.toString());
    const texts = deepObject ? undefined : textsOf(request, parameter.in, parameter.name);
    if (deepObject ? deep![parameter.name] === undefined : !texts!.length) {
      if (parameter.required) violations.push({ in: parameter.in, name: parameter.name, pointer: "", message: `required ${parameter.in} parameter ${parameter.name} is missing` });
      continue;
    }
    if (!parameter.schema || (!deepObject && isObjectSchema(schemas, parameter.schema))) continue;
    const value = deepObject ? valueAs(schemas, parameter.schema, deep![parameter.name]) : readParameter(schemas, parameter.schema, texts!, parameter.explode);
    for (const v of validate(parameter.schema, value)) violations.push({ in: parameter.in, name: parameter.name, pointer: v.pointer, message: v.message });
  }
  const body = operation.body;
  if (!body) return violations;
  if (request.body === "") {
    if (body.required) violations.push({ in: "body", pointer: "", message: "the request body is required" });
    return violations;
  }
  const contentType = [request.headers["content-type"] ?? ""].flat()[0];
  const media = mediaFor(body.content, contentType);
  if (!media) {
    violations.push({ in: "body", pointer: "", message: `Content-Type ${JSON.stringify(essenceOf(contentType))} is not one of ${body.content.map((m) => m.type).join(", ")}` });
    return violations;
  }
  if (essenceOf(media.type) === FORM) {
    if (media.schema) for (const v of validate(media.schema, readForm(schemas, media.schema, request.body))) violations.push({ in: "body", pointer: v.pointer, message: v.message });
    return violations;
  }
  const found = jsonBodyViolations(validate, media.schema, contentType, request.body);
  if ("notJson" in found) violations.push({ in: "body", pointer: "", message: `the body is not JSON: ${found.notJson}` });
  else for (const v of found) violations.push({ in: "body", pointer: v.pointer, message: v.message });
  return violations;
}
