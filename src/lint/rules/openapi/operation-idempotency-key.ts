import { IDEMPOTENCY_KEY } from "../../../contracts/extensions/idempotency-key.js";
import { defineRule } from "../../rule.js";
import { extensionsOf, operationsOf } from "../../helpers/openapi.js";

/** Methods that change state and that HTTP does not make idempotent: a retry may apply them twice. */
const UNSAFE = new Set(["post", "patch"]);

export default defineRule({
  id: "operation-idempotency-key",
  check({ contract, report }) {
    for (const operation of operationsOf(contract)) {
      const { idempotencyKey, problems } = extensionsOf(contract, operation);
      const problem = problems.find((p) => p.key === IDEMPOTENCY_KEY);
      if (idempotencyKey && problem) {
        report({ message: `${IDEMPOTENCY_KEY} of ${operation.element} ${problem.message}.`, element: operation.element, place: { at: problem.at } });
      }
      if (idempotencyKey || !UNSAFE.has(operation.method)) continue;
      report({
        message: `${operation.element} changes state but declares no idempotency key (an Idempotency-Key header or ${IDEMPOTENCY_KEY}).`,
        element: operation.element,
        place: { at: problem ? problem.at : operation.at },
      });
    }
  },
});
