import { TIMEOUT_KEY } from "../../../contracts/extensions/timeout.js";
import { defineRule } from "../../rule.js";
import { extensionsOf, operationsOf } from "../../helpers/openapi.js";

export default defineRule({
  id: "operation-timeout",
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
