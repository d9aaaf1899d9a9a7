import { child } from "../../../contracts/schema-pointer.js";
import { channelName } from "../../../contracts/asyncapi/model.js";
import { defineRule } from "../../rule.js";
import { VERSION_SUFFIX } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "channel-version-suffix",
  check({ contract, report }) {
    for (const channel of contract.model.channels.values()) {
      const name = channelName(channel);
      if (VERSION_SUFFIX.test(name)) continue;
      const at = channel.address !== undefined && "address" in channel.channel.value ? child(channel.channel.at, "address") : channel.channel.at;
      report({ message: `Channel "${name}" should end with its major version, such as "${name}.v1".`, element: name, place: { at } });
    }
  },
});
