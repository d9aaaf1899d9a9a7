import { attributeAt, cloudEventOf } from "../../../compat/cloudevents/convention.js";
import { child } from "../../../contracts/schema-pointer.js";
import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";
import { isObject } from "../../helpers/yaml.js";

/** The CloudEvents `id` as a header in binary content mode: HTTP `ce-id`, Kafka `ce_id`, AMQP `cloudEvents:id`. */
const ID_HEADER = /^(ce[-_]id|cloudEvents:id)$/i;

export default defineRule({
  id: "cloudevents-id-required",
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
