import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { operationsOf } from "../../helpers/openapi.js";

const KEY = "x-charter-timeout";

/** Milliseconds, or a duration with its unit: `800ms`, `5s`, `1m`. */
const valid = (value: unknown): boolean =>
  typeof value === "number" ? value > 0 : typeof value === "string" && /^\d+(\.\d+)?(ms|s|m)$/.test(value) && parseFloat(value) > 0;

export default defineRule({
  id: "operation-timeout",
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
