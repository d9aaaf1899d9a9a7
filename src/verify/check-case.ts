import type { HttpOperation } from "../http/operations.js";
import type { ValidateAt } from "../http/validator.js";
import type { VerifyCase } from "./cases.js";
import { checkResponse, type ReceivedResponse, type ResponseProblem } from "./check-response.js";

/** The responses by which an operation says how it refuses a malformed request. */
const REFUSALS = new Set(["400", "422", "4XX", "DEFAULT"]);

/** The statuses of a request refused as malformed. */
const MALFORMED = new Set([400, 422]);

/**
 * The ways the answer to one case (cases.ts) breaks the contract. A valid case's answer is checked
 * as check-response.ts says, and a 400 or 422 to it is a finding. An invalid case must be refused
 * with a 4xx; the 4xx is then checked like any answer when the operation declares how it refuses
 * (`400`, `422`, `4XX` or `default`), and accepted as it is when the operation does not say.
 */
export function checkCase(operation: HttpOperation, sent: VerifyCase, response: ReceivedResponse, validate: ValidateAt): ResponseProblem[] {
  const element = `${operation.method} ${operation.path} ${sent.label}`;
  const said = `${operation.label} answered ${response.status}`;
  if (!sent.invalid) {
    const problems = checkResponse(operation, sent.request.method, response, validate);
    if (!MALFORMED.has(response.status)) return problems;
    return [{ rule: "valid-request-rejected", message: `${said} to a request its contract allows (${sent.label})`, at: operation.at, element }, ...problems];
  }
  if (response.status < 400 || response.status > 499) {
    return [{ rule: "invalid-request-not-rejected", message: `${said} to a request its contract does not allow (${sent.label}), where a 4xx was due`, at: operation.at, element }];
  }
  return operation.responses.some((r) => REFUSALS.has(r.status.toUpperCase())) ? checkResponse(operation, sent.request.method, response, validate) : [];
}
