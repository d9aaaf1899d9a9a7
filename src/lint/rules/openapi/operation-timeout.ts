import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { operationsOf } from "../../helpers/openapi.js";

const KEY = "x-charter-timeout";

/** Milliseconds, or a duration with its unit: `800ms`, `5s`, `1m`. */
const valid = (value: unknown): boolean =>
  typeof value === "number" ? value > 0 : typeof value === "string" && /^\d+(\.\d+)?(ms|s|m)$/.test(value) && parseFloat(value) > 0;

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
    const root = contract.document.root;
    for (const operation of operationsOf(contract)) {
      const owner = [operation, operation.pathItem, { value: root, at: { file: contract.document.file, pointer: "" } }].find((node) => KEY in node.value);
      if (owner && valid(owner.value[KEY])) continue;
      report({
        message: owner
          ? `${KEY} of ${operation.element} is not a positive number of milliseconds or a duration like "5s".`
          : `${operation.element} declares no timeout (${KEY}).`,
        element: operation.element,
        place: { at: owner ? child(owner.at, KEY) : operation.at },
      });
    }
  },
});
