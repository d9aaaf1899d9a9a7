import { child, type SchemaPointer } from "../contracts/schema-pointer.js";
import type { HttpOperation, HttpResponse } from "../http/operations.js";
import { jsonBodyViolations, type ValidateAt } from "../http/validator.js";
import { essenceOf, mediaFor } from "../http/wire.js";
import type { VerifyRuleId } from "../rules/catalog.js";

/** A response as the service sent it; header names in lower case. */
export interface ReceivedResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Something wrong with a response: the rule, what to say, where in the contract, and its semantic key. */
export interface ResponseProblem {
  rule: VerifyRuleId;
  message: string;
  at: SchemaPointer;
  /** `GET /orders/{orderId} 200 #/total`: operation, status, and the pointer in the body where there is one. */
  element: string;
}

/** A body that breaks its schema in many places is reported by its first violations. */
const MAX_VIOLATIONS = 10;

/** The declared response for a status: its code, else its range (`2XX`), else `default`. */
export function declaredFor(operation: HttpOperation, status: number): HttpResponse | undefined {
  const code = String(status);
  return operation.responses.find((r) => r.status === code) ?? operation.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ?? operation.responses.find((r) => r.status === "default");
}

/**
 * The ways a response breaks its operation's contract: an undeclared status, a media type the
 * response does not declare, a body that does not conform to the schema of its media type (each
 * violation with its JSON pointer), and a required header that is missing.
 */
export function checkResponse(operation: HttpOperation, method: string, response: ReceivedResponse, validate: ValidateAt): ResponseProblem[] {
  const key = `${operation.method} ${operation.path} ${response.status}`;
  const said = `${operation.label} answered ${response.status}`;
  const declared = declaredFor(operation, response.status);
  if (!declared) {
    const statuses = operation.responses.map((r) => r.status).join(", ") || "none";
    return [{ rule: "response-status-undeclared", message: `${said}, a status it does not declare (declared: ${statuses})`, at: child(operation.at, "responses"), element: key }];
  }
  const problems: ResponseProblem[] = [];
  for (const header of declared.headers) {
    if (header.required && header.name.toLowerCase() !== "content-type" && !response.headers.has(header.name.toLowerCase())) {
      problems.push({ rule: "response-header-missing", message: `${said} without the required header ${header.name}`, at: child(declared.at, "headers", header.name), element: `${key} header ${header.name.toLowerCase()}` });
    }
  }
  // HEAD answers carry a GET's headers and no body.
  if (method === "HEAD") return problems;
  const contentType = response.headers.get("content-type") ?? "";
  if (response.body === "") {
    if (declared.content.some((m) => m.schema)) {
      problems.push({ rule: "response-body-invalid", message: `${said} with an empty body, where the contract declares ${declared.content.map((m) => m.type).join(", ")}`, at: child(declared.at, "content"), element: `${key} body` });
    }
    return problems;
  }
  const media = mediaFor(declared.content, contentType);
  if (!media) {
    const expected = declared.content.length ? `declares ${declared.content.map((m) => m.type).join(", ")}` : "declares no body";
    problems.push({ rule: "response-media-type-undeclared", message: `${said} with a ${JSON.stringify(essenceOf(contentType) || "(no Content-Type)")} body, where the response ${expected}`, at: declared.at, element: `${key} media ${essenceOf(contentType)}` });
    return problems;
  }
  if (!media.schema) return problems;
  const violations = jsonBodyViolations(validate, media.schema, contentType, response.body);
  if ("notJson" in violations) {
    return [...problems, { rule: "response-body-invalid", message: `${said} with a body that is not JSON: ${violations.notJson}`, at: media.schema, element: `${key} body` }];
  }
  for (const v of violations.slice(0, MAX_VIOLATIONS)) {
    problems.push({ rule: "response-body-invalid", message: `${said} with a body that breaks its schema at ${v.pointer ? JSON.stringify(v.pointer) : "its root"}: ${v.message}`, at: media.schema, element: `${key} #${v.pointer}` });
  }
  if (violations.length > MAX_VIOLATIONS) {
    problems.push({ rule: "response-body-invalid", message: `${said} with a body that breaks its schema in ${violations.length - MAX_VIOLATIONS} more places`, at: media.schema, element: `${key} more` });
  }
  return problems;
}
