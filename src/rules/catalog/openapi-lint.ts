import type { RuleMeta } from "../rule-meta.js";

/** OpenAPI lint rules: Spectral's ids where one fits, else charter's own. */
export const OPENAPI_LINT_RULES = [
  {
    id: "operation-operationId-unique",
    kinds: ["openapi"],
    check: "lint",
    category: "operations",
    severity: "error",
    description:
      "Every operationId is unique within its API (Spectral's rule of the same name). Generated clients " +
      "name their methods after it, and docs link to it: two operations with one id make one of them " +
      "unreachable from a client and its deep link ambiguous. The second and later uses are reported.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: orders
      responses: { "200": { description: OK } }
    post:
      operationId: orders
      responses: { "201": { description: Created } }
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: listOrders
      responses: { "200": { description: OK } }
    post:
      operationId: createOrder
      responses: { "201": { description: Created } }
`,
    },
    peer: { tool: "Spectral", id: "operation-operationId-unique" },
  },
  {
    id: "operation-error-response",
    kinds: ["openapi"],
    check: "lint",
    category: "responses",
    severity: "warning",
    description:
      "Every operation declares how it fails: at least one 4xx or 5xx response (a code or a range like " +
      "`4XX`) or a `default` response. Clients generated from a contract that only describes success cannot " +
      "tell a validation error from an outage, and retry what they should not. Spectral's " +
      "`operation-success-response` checks the other half; this rule has a charter id.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: The order. }
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: The order. }
        "404": { description: No such order. }
`,
    },
  },
  {
    id: "operation-timeout",
    kinds: ["openapi"],
    check: "lint",
    category: "reliability",
    severity: "warning",
    description:
      "Every operation declares how long a client should wait for it, with `x-charter-timeout` on the " +
      "operation, on its path item, or at the document's root as a default for all of them: milliseconds " +
      "(`2000`) or a duration (`800ms`, `5s`, `1m`). Generated clients enforce it, so a slow server fails " +
      "fast instead of piling up waiting callers; without one every client picks its own (or none).",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: listOrders
      responses: { "200": { description: OK } }
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: listOrders
      x-charter-timeout: 2s
      responses: { "200": { description: OK } }
`,
    },
  },
  {
    id: "operation-idempotency-key",
    kinds: ["openapi"],
    check: "lint",
    category: "reliability",
    severity: "error",
    description:
      "A POST or PATCH operation must be safe to retry, since networks and generated clients retry: it " +
      "declares an idempotency key, either as an `Idempotency-Key` header parameter (the IETF draft's name) " +
      "or with `x-charter-idempotency-key: <header name>` on the operation, so the server can recognise a " +
      "repeated request and answer it without applying it twice. An operation that is idempotent by nature " +
      "can say so with a suppression and its reason.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      responses: { "201": { description: Created } }
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      parameters:
        - { name: Idempotency-Key, in: header, required: true, schema: { type: string } }
      responses: { "201": { description: Created } }
`,
    },
  },
  {
    id: "oas3-schema",
    kinds: ["openapi"],
    check: "lint",
    category: "document",
    severity: "error",
    description:
      "The document conforms to the official OpenAPI schema of its version (Spectral's rule of the same name). " +
      "charter still reads a document that breaks it (a missing info.version, an unknown key): `breaking` " +
      "compares it and reports the violation as a warning, `docs` shows it on the contract's page; `lint` holds " +
      "the line.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders }
paths: {}
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths: {}
`,
    },
    peer: { tool: "Spectral", id: "oas3-schema" },
  },
] as const satisfies readonly RuleMeta[];
