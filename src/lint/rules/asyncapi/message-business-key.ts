import { child } from "../../../compat/schema/source.js";
import { defineRule } from "../../rule.js";
import { messagesOf } from "../../helpers/asyncapi.js";
import { isObject } from "../../helpers/yaml.js";

const KEY = "x-charter-business-key";

export default defineRule({
  id: "message-business-key",
  check({ contract, report }) {
    for (const { message, element } of messagesOf(contract)) {
      const key = message.message.value[KEY];
      if (typeof key !== "string" || key.trim() === "") {
        report({ message: `Message ${element} declares no business key (${KEY}).`, element, place: { at: key === undefined ? message.message.at : child(message.message.at, KEY) } });
        continue;
      }
      // Only a payload whose properties are listed can be checked; a composed or opaque one is taken on trust.
      const payload = message.payload && contract.schemas.resolve(message.payload).value;
      const properties = isObject(payload) && isObject(payload.properties) ? payload.properties : undefined;
      if (properties && !(key in properties)) {
        report({ message: `Business key "${key}" of message ${element} is not a property of its payload.`, element, place: { at: child(message.message.at, KEY) } });
      }
    }
  },
});
