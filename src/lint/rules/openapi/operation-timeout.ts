import { TIMEOUT_KEY } from "../../../contracts/extensions/timeout.js";
import { defineRule } from "../../rule.js";
import { extensionsOf, operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-timeout",
  kinds: ["openapi"],
  defaultSeverity: "warning",
  description:
    "Every operation declares how long a client should wait for it, with `x-charter-timeout` on the operation, on " +
    "its path item, or at the document's root as a default for all of them: milliseconds (`2000`) or a duration " +
    "(`800ms`, `5s`, `1m`). Generated clients enforce it, so a slow server fails fast instead of piling up waiting " +
    "callers; without one every client picks its own (or none).",
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
  check({ contract, report }) {
    for (const operation of operationsOf(contract)) {
      const { timeout, problems } = extensionsOf(contract, operation);
      const problem = problems.find((p) => p.key === TIMEOUT_KEY);
      if (timeout && !problem) continue;
      report({
        message: problem ? `${TIMEOUT_KEY} of ${operation.element} ${problem.message}.` : `${operation.element} declares no timeout (${TIMEOUT_KEY}).`,
        element: operation.element,
        place: { at: problem ? problem.at : operation.at },
      });
    }
  },
});
