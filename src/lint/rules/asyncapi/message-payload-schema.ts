import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "message-payload-schema",
  kinds: ["asyncapi"],
  defaultSeverity: "error",
  description:
    "Every message has a payload schema. Without one, nothing says what producers may send or consumers must " +
    "accept: charter cannot judge a change to it, and generated producers and consumers can only pass untyped " +
    "data. A payload in a schema format charter cannot read (Avro, Protobuf) counts as declared.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        name: OrderPaid
`,
  good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        name: OrderPaid
        payload: { type: object, properties: { orderId: { type: string } } }
`,
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      // `payload` is unset in the model for formats the engine cannot read: look at the document.
      if ("payload" in message.message.value) continue;
      report({ message: `Message ${element} has no payload schema.`, element, place: { at: message.message.at } });
    }
  },
});
