import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { operationsOf, parametersOf } from "../../helpers/openapi.js";

const KEY = "x-charter-idempotency-key";
const HEADER = "idempotency-key";
/** Methods that change state and that HTTP does not make idempotent: a retry may apply them twice. */
const UNSAFE = new Set(["post", "patch"]);

export default defineRule({
  id: "operation-idempotency-key",
  check({ contract, report }) {
    for (const operation of operationsOf(contract)) {
      if (!UNSAFE.has(operation.method)) continue;
      const declared = operation.value[KEY];
      if (typeof declared === "string" && declared.trim() !== "") continue;
      const header = parametersOf(contract, operation).some((p) => p.value.in === "header" && String(p.value.name).toLowerCase() === HEADER);
      if (header) continue;
      report({
        message: `${operation.element} changes state but declares no idempotency key (an Idempotency-Key header or ${KEY}).`,
        element: operation.element,
        place: { at: KEY in operation.value ? child(operation.at, KEY) : operation.at },
      });
    }
  },
});
