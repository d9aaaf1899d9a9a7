import { child } from "../../../compat/schema/source.js";
import { channelName } from "../../../compat/asyncapi/model.js";
import { defineRule } from "../../rule.js";
import { isObject } from "../../helpers/yaml.js";

const KEY = "x-charter-dead-letter";

export default defineRule({
  id: "receive-dead-letter",
  check({ contract, report }) {
    const channels = [...contract.model.channels.values()];
    const names = new Set(channels.flatMap((c) => [c.id, channelName(c), `#/channels/${c.id}`]));
    for (const operation of contract.model.operations.values()) {
      if (operation.action !== "receive") continue;
      const declared = operation.operation.value[KEY];
      const name = isObject(declared) ? declared.$ref : declared;
      if (typeof name === "string" && names.has(name)) continue;
      report({
        message: declared === undefined
          ? `Receive operation "${operation.id}" names no dead-letter channel (${KEY}).`
          : `Dead-letter channel ${JSON.stringify(name ?? declared)} of operation "${operation.id}" is not a channel of this document.`,
        element: operation.id,
        place: { at: declared === undefined ? operation.operation.at : child(operation.operation.at, KEY) },
      });
    }
  },
});
