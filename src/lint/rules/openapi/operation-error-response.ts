import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { member } from "../../helpers/yaml.js";
import { operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-error-response",
  kinds: ["openapi"],
  defaultSeverity: "warning",
  description:
    "Every operation declares how it fails: at least one 4xx or 5xx response (a code or a range like `4XX`) or a " +
    "`default` response. Clients generated from a contract that only describes success cannot tell a validation " +
    "error from an outage, and retry what they should not. Spectral's `operation-success-response` checks the " +
    "other half; this rule has a charter id.",
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
  check({ contract, report }) {
    for (const operation of operationsOf(contract)) {
      const responses = member(contract.schemas, operation, "responses");
      const codes = Object.keys(responses?.value ?? {});
      if (codes.some((code) => /^[45]/.test(code) || code === "default")) continue;
      report({
        message: `${operation.element} declares no error response (4xx, 5xx or default).`,
        element: operation.element,
        place: { at: responses ? child(operation.at, "responses") : operation.at },
      });
    }
  },
});
