import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "message-payload-schema",
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      // `payload` is unset in the model for formats the engine cannot read: look at the document.
      if ("payload" in message.message.value) continue;
      report({ message: `Message ${element} has no payload schema.`, element, place: { at: message.message.at } });
    }
  },
});
