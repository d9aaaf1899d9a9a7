import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-operationId-unique",
  kinds: ["openapi"],
  defaultSeverity: "error",
  description:
    "Every operationId is unique within its API (Spectral's rule of the same name). Generated clients name their " +
    "methods after it, and docs link to it: two operations with one id make one of them unreachable from a client " +
    "and its deep link ambiguous. The second and later uses are reported.",
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
  check({ contract, report }) {
    const seen = new Map<string, string>();
    for (const operation of operationsOf(contract)) {
      const id = operation.value.operationId;
      if (typeof id !== "string") continue;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, operation.element);
      else report({ message: `operationId "${id}" of ${operation.element} is already used by ${first}.`, element: operation.element, place: { at: child(operation.at, "operationId") } });
    }
  },
});
