import { BUSINESS_KEY } from "../../../contracts/extensions/business-key.js";
import { defineRule } from "../../rule.js";
import { messageExtensionsOf } from "../../../contracts/extensions/asyncapi.js";
import { messagesOf } from "../../helpers/asyncapi.js";
import { isObject } from "../../helpers/yaml.js";

export default defineRule({
  id: "message-business-key",
  kinds: ["asyncapi"],
  defaultSeverity: "warning",
  description:
    "Every message names its business key with `x-charter-business-key: <payload property>` (`orderId`): the " +
    "identity of the thing the event is about. Generated producers use it as the partition key, so events about " +
    "one order stay in order, and consumers use it to reason about ordering and de-duplication. The property must " +
    "be one the payload schema declares.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        payload: { type: object, properties: { orderId: { type: string } } }
`,
  good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-charter-business-key: orderId
        payload: { type: object, properties: { orderId: { type: string } } }
`,
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      const { businessKey, problems } = messageExtensionsOf(contract, message);
      const problem = problems.find((p) => p.key === BUSINESS_KEY);
      if (!businessKey) {
        report({ message: `Message ${element} declares no business key (${BUSINESS_KEY}).`, element, place: { at: problem ? problem.at : message.message.at } });
        continue;
      }
      const key = businessKey.value;
      // Only a payload whose properties are listed can be checked; a composed or opaque one is taken on trust.
      const payload = message.payload && contract.schemas.resolve(message.payload).value;
      const properties = isObject(payload) && isObject(payload.properties) ? payload.properties : undefined;
      if (properties && !(key in properties)) {
        report({ message: `Business key "${key}" of message ${element} is not a property of its payload.`, element, place: { at: businessKey.at } });
      }
    }
  },
});
