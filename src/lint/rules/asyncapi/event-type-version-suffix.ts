import { attributeAt, cloudEventOf, majorOf } from "../../../compat/cloudevents/convention.js";
import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "event-type-version-suffix",
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
