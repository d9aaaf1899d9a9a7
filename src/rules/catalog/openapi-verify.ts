import type { RuleMeta } from "../rule-meta.js";

/**
 * What `charter verify` finds when it drives a running service from its OpenAPI contract: each
 * finding names the operation, and for a body the JSON pointer of the value that does not conform.
 */
export const OPENAPI_VERIFY_RULES = [
  {
    id: "response-status-undeclared",
    kinds: ["openapi"],
    check: "verify",
    category: "response",
    severity: "error",
    description:
      "The service answered with a status code the operation does not declare, and the operation has no " +
      "`default` response to cover it. Generated clients and their users handle the declared statuses only: " +
      "an undeclared one reaches them as an unexpected error, or as a success they cannot read.",
  },
  {
    id: "response-media-type-undeclared",
    kinds: ["openapi"],
    check: "verify",
    category: "response",
    severity: "error",
    description:
      "The service answered with a body whose Content-Type the response does not declare (or with a body " +
      "where the response declares none). A client picks its parser by the declared media types, so it cannot read this one.",
  },
  {
    id: "response-body-invalid",
    kinds: ["openapi"],
    check: "verify",
    category: "response",
    severity: "error",
    description:
      "The response body does not conform to the schema the contract declares for its status and media type " +
      "(a required property missing, a value of the wrong type, a value outside its enum or bounds). The finding " +
      "names the JSON pointer of the offending value in the body.",
  },
  {
    id: "response-header-missing",
    kinds: ["openapi"],
    check: "verify",
    category: "response",
    severity: "error",
    description:
      "The response lacks a header the contract declares as required for its status. Clients that read the " +
      "header (a Location, a rate limit, a Retry-After) find nothing where they were promised a value.",
  },
  {
    id: "invalid-request-not-rejected",
    kinds: ["openapi"],
    check: "verify",
    category: "request",
    severity: "error",
    description:
      "The service answered a request its contract does not allow (a required parameter left out, a parameter " +
      "outside its schema, a body breaking its schema) with a status other than 4xx: it accepted input it promised " +
      "to refuse, or failed on it. The 4xx itself is held to the contract when the operation says how it refuses a " +
      "request (it declares `400`, `422`, `4XX` or `default`): its status must be declared and its body conform; " +
      "an operation that declares none of these accepts any 4xx.",
  },
  {
    id: "valid-request-rejected",
    kinds: ["openapi"],
    check: "verify",
    category: "request",
    severity: "error",
    description:
      "The service answered `400` or `422`, the statuses of a malformed request, to a request its contract allows " +
      "(a value from the contract's examples, an enum value, a bound of a parameter's schema). Clients that keep to " +
      "the contract are refused. Other 4xx answers (`401`, `404` for an id that does not exist) are not findings.",
  },
] as const satisfies readonly RuleMeta[];
