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
] as const satisfies readonly RuleMeta[];
