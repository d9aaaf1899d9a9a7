import { DEAD_LETTER_KEY } from "../../../contracts/extensions/dead-letter.js";
import { defineRule } from "../../rule.js";
import { operationExtensionsOf } from "../../../contracts/extensions/asyncapi.js";

export default defineRule({
  id: "receive-dead-letter",
  check({ contract, report }) {
    for (const operation of contract.model.operations.values()) {
      if (operation.action !== "receive") continue;
      const { deadLetter, problems } = operationExtensionsOf(contract, contract.model, operation);
      const problem = problems.find((p) => p.key === DEAD_LETTER_KEY);
      if (deadLetter && !problem) continue;
      report({
        message: problem
          ? `The dead-letter channel (${DEAD_LETTER_KEY}) of operation "${operation.id}" ${problem.message}.`
          : `Receive operation "${operation.id}" names no dead-letter channel (${DEAD_LETTER_KEY}).`,
        element: operation.id,
        place: { at: problem ? problem.at : operation.operation.at },
      });
    }
  },
});
