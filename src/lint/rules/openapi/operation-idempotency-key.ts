import { IDEMPOTENCY_KEY } from "../../../contracts/extensions/idempotency-key.js";
import { defineRule } from "../../rule.js";
import { extensionsOf, operationsOf } from "../../helpers/openapi.js";

/** Methods that change state and that HTTP does not make idempotent: a retry may apply them twice. */
const UNSAFE = new Set(["post", "patch"]);

export default defineRule({
  id: "operation-idempotency-key",
  kinds: ["openapi"],
  defaultSeverity: "error",
  description:
    "A POST or PATCH operation must be safe to retry, since networks and generated clients retry: it declares an " +
    "idempotency key, either as an `Idempotency-Key` header parameter (the IETF draft's name) or with " +
    "`x-charter-idempotency-key: <header name>` on the operation, so the server can recognise a repeated request " +
    "and answer it without applying it twice. An operation that is idempotent by nature can say so with a " +
    "suppression and its reason.",
  bad: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      responses: { "201": { description: Created } }
`,
  good: `openapi: 3.1.0
info: { title: Orders, version: 1.0.0 }
paths:
  /orders:
    post:
      operationId: createOrder
      parameters:
        - { name: Idempotency-Key, in: header, required: true, schema: { type: string } }
      responses: { "201": { description: Created } }
`,
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
