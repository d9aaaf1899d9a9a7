import { child } from "../../../contracts/schema-pointer.js";
import { defineRule } from "../../rule.js";
import { operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-operationId-unique",
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
