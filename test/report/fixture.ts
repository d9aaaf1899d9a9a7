import type { ContractSummary, Finding } from "../../src/compat/finding.js";
import { summarize, type Report } from "../../src/report/report.js";

/**
 * One fixed set of findings that every format's golden file is made from: contracts of each
 * kind, every severity, a lint finding, a deletion with a `before`, a removed contract that only
 * has a place in the old version, a change to a shared schema affecting several operations, and messages holding the characters each format must escape
 * (`%`, `,`, `:`, a line break, `|`, `<`, `&`, quotes).
 */
const contracts: ContractSummary[] = [
  { id: "shop.users.v1", kind: "proto", path: "users/v1/user_profile.proto", change: "modified", mode: "FULL", backward: "conditional", forward: "breaking", passed: false },
  { id: "shop.legacy.v1", kind: "proto", path: "legacy/v1/legacy.proto", change: "removed", mode: "FULL", backward: "conditional", forward: "breaking", passed: false },
  { id: "orders", kind: "openapi", path: "orders/orders.openapi.yaml", change: "modified", mode: "BACKWARD", backward: "breaking", forward: "compatible", passed: false },
  { id: "urn:shop:order-events", kind: "asyncapi", path: "orders/order-events.asyncapi.yaml", change: "modified", mode: "FULL", backward: "compatible", forward: "conditional", passed: true },
  { id: "https://shop.example/refund.schema.json", kind: "jsonschema", path: "payments/refund.schema.json", change: "unchanged", mode: "FULL", backward: "compatible", forward: "compatible", passed: true },
];

const findings: Finding[] = [
  {
    category: "breaking",
    rule: "FIELD_NO_DELETE",
    kind: "proto",
    contract: "shop.users.v1",
    against: "git:main",
    severity: "error",
    backward: "conditional",
    forward: "breaking",
    message: 'Previously present field "3" with name "phone" on message "UserProfile" was deleted; old readers lose it.',
    location: { file: "contracts/users/v1/user_profile.proto", line: 6, column: 1 },
    before: { file: "contracts/users/v1/user_profile.proto", line: 8, column: 3 },
    element: "shop.users.v1.UserProfile.3",
    fingerprint: "FIELD_NO_DELETE:shop.users.v1:shop.users.v1.UserProfile.3",
  },
  {
    category: "breaking",
    rule: "field-added",
    kind: "proto",
    contract: "shop.users.v1",
    against: "git:main",
    severity: "info",
    backward: "compatible",
    forward: "compatible",
    message: 'Field "4" with name "telegram" on message "UserProfile" was added.',
    location: { file: "contracts/users/v1/user_profile.proto", line: 13, column: 3 },
    element: "shop.users.v1.UserProfile.4",
    fingerprint: "field-added:shop.users.v1:shop.users.v1.UserProfile.4",
  },
  {
    // A lint finding: the in-memory Finding carries verdicts, which no format may show.
    category: "lint",
    rule: "ENUM_ZERO_VALUE_SUFFIX",
    kind: "proto",
    contract: "shop.users.v1",
    against: "",
    severity: "warning",
    backward: "compatible",
    forward: "compatible",
    message: 'Enum zero value name "STATUS_NONE" should be suffixed with "_UNSPECIFIED".',
    location: { file: "contracts/users/v1/user_profile.proto", line: 20, column: 3 },
    element: "shop.users.v1.Status.STATUS_NONE",
    fingerprint: "ENUM_ZERO_VALUE_SUFFIX:shop.users.v1:shop.users.v1.Status.STATUS_NONE",
  },
  {
    category: "breaking",
    rule: "contract-removed",
    kind: "proto",
    contract: "shop.legacy.v1",
    against: "git:main",
    severity: "error",
    backward: "conditional",
    forward: "breaking",
    message: 'Package "shop.legacy.v1" was removed.',
    before: { file: "contracts/legacy/v1/legacy.proto", line: 2, column: 1 },
    element: "shop.legacy.v1",
    fingerprint: "contract-removed:shop.legacy.v1:shop.legacy.v1",
  },
  {
    category: "breaking",
    rule: "response-property-enum-value-added",
    kind: "openapi",
    contract: "orders",
    against: "git:main",
    severity: "error",
    backward: "breaking",
    forward: "compatible",
    message: 'Schema Order, property status: enum value "paid|refunded" added; old clients that switch on <Status> & have no default fail.',
    location: { file: "contracts/orders/orders.openapi.yaml", line: 96, column: 45 },
    element: "schema Order #/status",
    // One change to a shared schema: one finding, every operation it reaches listed.
    affects: ["GET /orders/{orderId}", "GET /orders", "POST /orders", "PUT /orders/{orderId}", "GET /customers/{id}/orders"],
    legacy: ["GET /orders/{orderId} 200 application/json #/status", "GET /orders 200 application/json #/[]/status"],
    fingerprint: "response-property-enum-value-added:orders:schema Order #/status",
  },
  {
    category: "breaking",
    rule: "message-payload-enum-value-added",
    kind: "asyncapi",
    contract: "urn:shop:order-events",
    against: "git:main",
    severity: "warning",
    backward: "compatible",
    forward: "conditional",
    message: 'Message "orderPaid" on channel "order.paid.v1", property discount: enum value "100%" added.\nOld consumers need a fallback for unknown values.',
    location: { file: "contracts/orders/order-events, v2: draft.asyncapi.yaml", line: 55, column: 32 },
    element: "order.paid.v1 orderPaid #/discount",
    fingerprint: "message-payload-enum-value-added:urn:shop:order-events:order.paid.v1 orderPaid #/discount",
  },
];

export const REPORT: Report = {
  version: 2,
  tool: { name: "charter", version: "0.1.0" },
  input: "contracts",
  against: ["git:main"],
  contracts,
  findings,
  summary: summarize(contracts, findings),
};

/** What `charter lint` reports: the same lint finding, no contracts compared, nothing against. */
export const LINT_REPORT: Report = {
  ...REPORT,
  against: [],
  contracts: [],
  findings: findings.filter((f) => f.category === "lint"),
  summary: summarize([], findings.filter((f) => f.category === "lint")),
};

/** A run with nothing to say. */
export const CLEAN_REPORT: Report = {
  ...REPORT,
  contracts: [contracts[4]],
  findings: [],
  summary: summarize([contracts[4]], []),
};
