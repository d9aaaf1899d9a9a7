import { DEAD_LETTER_KEY } from "../../../contracts/extensions/dead-letter.js";
import { defineRule } from "../../rule.js";
import { operationExtensionsOf } from "../../../contracts/extensions/asyncapi.js";

export default defineRule({
  id: "receive-dead-letter",
  kinds: ["asyncapi"],
  defaultSeverity: "warning",
  description:
    "Every `receive` operation (2.x `publish`) names the channel where messages it cannot process go, with " +
    "`x-charter-dead-letter`: a channel of the document, by key, by address or as a `$ref`. Without one, a " +
    "poison message either blocks its partition forever or is dropped silently; generated consumers route it " +
    "there after their retries.",
  bad: `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
operations:
  onOrderPaid:
    action: receive
    channel: { $ref: "#/channels/orderPaid" }
`,
  good: `asyncapi: 3.0.0
info: { title: Billing, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
  orderPaidDead:
    address: billing.order.paid.dlq.v1
operations:
  onOrderPaid:
    action: receive
    channel: { $ref: "#/channels/orderPaid" }
    x-charter-dead-letter: { $ref: "#/channels/orderPaidDead" }
`,
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
