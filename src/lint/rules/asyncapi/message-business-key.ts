import { BUSINESS_KEY } from "../../../contracts/extensions/business-key.js";
import { defineRule } from "../../rule.js";
import { messageExtensionsOf } from "../../../contracts/extensions/asyncapi.js";
import { messagesOf } from "../../helpers/asyncapi.js";
import { isObject } from "../../helpers/yaml.js";

export default defineRule({
  id: "message-business-key",
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
