import { attributeAt, cloudEventOf } from "../../../compat/cloudevents/convention.js";
import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";
import { isObject } from "../../helpers/yaml.js";

/** The CloudEvents `id` as a header in binary content mode: HTTP `ce-id`, Kafka `ce_id`, AMQP `cloudEvents:id`. */
const ID_HEADER = /^(ce[-_]id|cloudEvents:id)$/i;

export default defineRule({
  id: "cloudevents-id-required",
  kinds: ["asyncapi"],
  defaultSeverity: "error",
  description:
    "Delivery is at least once, and consumers de-duplicate by the CloudEvents `source` + `id` pair, so no " +
    "CloudEvent may be sent without an `id`. charter's convention: a message's `x-cloudevents` leaves `id` out " +
    "(CloudEvents 1.0 requires it and generated producers set a fresh one per event) or describes it with a " +
    "non-empty string; a value of `null`, `false`, an empty string or an object with `required: false` makes it " +
    "optional and fires. A headers schema that declares the id header of binary content mode (`ce-id`, `ce_id`, " +
    "`cloudEvents:id`) must list it in `required`.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
    messages:
      orderPaid:
        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }
        headers:
          type: object
          properties: { ce_id: { type: string } }
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
        headers:
          type: object
          required: [ce_id]
          properties: { ce_id: { type: string } }
        payload: { type: object }
`,
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      const event = cloudEventOf(message);
      if (!event) continue;
      if (event.attributes.has("id")) {
        const id = event.attributes.get("id");
        const optional = id === null || id === false || id === "" || (isObject(id) && id.required === false);
        if (optional) report({ message: `CloudEvent ${element} makes its id optional; consumers de-duplicate by source + id.`, element, place: { at: attributeAt(event, "id") } });
      }
      if (!message.headers) continue;
      const headers = contract.schemas.resolve(message.headers);
      if (!isObject(headers.value) || !isObject(headers.value.properties)) continue;
      const required = Array.isArray(headers.value.required) ? headers.value.required : [];
      for (const name of Object.keys(headers.value.properties)) {
        if (!ID_HEADER.test(name) || required.includes(name)) continue;
        report({ message: `Header "${name}" (the CloudEvent id) of message ${element} is optional; consumers de-duplicate by source + id.`, element, place: { at: child(headers.at, "properties", name) } });
      }
    }
  },
});
