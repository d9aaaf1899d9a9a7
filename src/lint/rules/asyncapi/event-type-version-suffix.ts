import { attributeAt, cloudEventOf, majorOf } from "../../../compat/cloudevents/convention.js";
import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "event-type-version-suffix",
  kinds: ["asyncapi"],
  defaultSeverity: "error",
  description:
    "A CloudEvent's `type` (in the message's `x-cloudevents`) ends with its major version, `.v<N>` " +
    "(`com.shop.order.paid.v1`): consumers route and filter on the type, so a breaking change to the event ships " +
    "as a new type `.v2` beside the old one, never as a new meaning of the old type.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid, source: /shop/orders }
        payload: { type: object }
`,
  good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }
        payload: { type: object }
`,
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      const event = cloudEventOf(message);
      if (!event) continue;
      const type = event.attributes.get("type");
      if (typeof type === "string" && majorOf(type) !== undefined) continue;
      report({
        message: typeof type === "string" ? `CloudEvent type "${type}" should end with its major version, such as "${type}.v1".` : `CloudEvent of message ${element} declares no type.`,
        element,
        place: { at: attributeAt(event, "type") },
      });
    }
  },
});
