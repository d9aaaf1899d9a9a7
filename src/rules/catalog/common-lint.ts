import type { RuleMeta } from "../rule-meta.js";

/** Lint rules for every kind of contract. */
export const COMMON_LINT_RULES = [
  {
    id: "owner-required",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "lint",
    category: "ownership",
    // A warning by default: no registry names its owners on day one (README, lint defaults).
    severity: "warning",
    description:
      "Every contract has an owner, the team to ask about it and to page when it breaks: `owner` of a " +
      "matching `contracts.<glob>` entry in charter.yaml, or in the contract itself: `info.x-charter-owner` " +
      "(or `info.x-owner`) in OpenAPI and AsyncAPI, `x-charter-owner` (or `x-owner`) at a JSON Schema's " +
      "root, and a comment `// charter:owner <team>` in any file of a proto package. The docs site shows it " +
      "on every contract's page.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths: {}
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0, x-charter-owner: team-orders }
paths: {}
`,
    },
  },
  {
    id: "sunset-required",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "lint",
    category: "lifecycle",
    severity: "warning",
    description:
      "A deprecated element says when it goes away, so its clients can plan: `x-sunset: YYYY-MM-DD` next to " +
      "`deprecated: true` (on an operation, parameter, schema, message, ...) in YAML and JSON contracts, " +
      "and a comment `// charter:sunset YYYY-MM-DD` on a proto element with `deprecated = true`. A sunset " +
      "date that has passed is reported too: the element should be gone by now.",
    examples: {
      bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: listOrders
      deprecated: true
      responses: { "200": { description: OK } }
`,
      good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    get:
      operationId: listOrders
      deprecated: true
      x-sunset: "2999-12-31"
      responses: { "200": { description: OK } }
`,
    },
  },
  {
    id: "slo-required",
    kinds: ["proto", "openapi", "asyncapi"],
    check: "lint",
    category: "reliability",
    severity: "warning",
    description:
      "APIs and channels declare a service-level objective: a p99 latency in milliseconds and an error " +
      "budget (the share of requests or events allowed to fail, a fraction or a percentage), as " +
      "`x-charter-slo: { latency-p99-ms: 300, error-budget: 0.001 }` on an OpenAPI operation or path item, " +
      "on an AsyncAPI channel, or in `info` as the default of the whole contract; in proto, a comment on " +
      "the service: `// charter:slo latency-p99-ms=300 error-budget=0.1%`; or for a whole contract, `slo` " +
      "of its `contracts.<glob>` entry in charter.yaml. Callers size their timeouts and alerts from it.",
    examples: {
      bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
`,
      good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    x-charter-slo: { latency-p99-ms: 500, error-budget: 0.001 }
`,
    },
  },
  {
    id: "suppression-without-reason",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "lint",
    category: "suppressions",
    severity: "error",
    description:
      "An inline suppression says why: `// charter:ignore RULE reason` or `// buf:lint:ignore RULE reason` " +
      "in proto, `x-charter-ignore: { RULE: \"reason\" }` in YAML and JSON. A suppression without a reason " +
      "still suppresses its rule, and is reported itself at the suppression, so the next reader knows " +
      "whether the exception still holds.",
    examples: {
      bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  // charter:ignore ENUM_ZERO_VALUE_SUFFIX
  ITEM_STATUS_ACTIVE = 0;
}
`,
      good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  // charter:ignore ENUM_ZERO_VALUE_SUFFIX published before the style guide; renaming breaks JSON clients
  ITEM_STATUS_ACTIVE = 0;
}
`,
    },
  },
  {
    id: "baseline-entry-expired",
    kinds: ["proto", "openapi", "asyncapi", "jsonschema"],
    check: "lint",
    category: "baseline",
    severity: "error",
    description:
      "An entry of the baseline file (the findings a team accepted for now, by fingerprint) is past its `expires` " +
      "date: the finding it hid is reported again, and this error asks to fix it or to extend the entry on purpose.",
  },
] as const satisfies readonly RuleMeta[];
