import { child } from "../../../contracts/schema-pointer.js";
import { defineRule } from "../../rule.js";
import { member } from "../../helpers/yaml.js";
import { operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-error-response",
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
