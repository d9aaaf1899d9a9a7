import { child } from "../../../compat/schema/source.js";
import { channelName } from "../../../compat/asyncapi/model.js";
import { defineRule } from "../../rule.js";
import { VERSION_SUFFIX } from "../../helpers/asyncapi.js";

export default defineRule({
  id: "channel-version-suffix",
  kinds: ["asyncapi"],
  defaultSeverity: "error",
  description:
    "A channel's address ends with the major version of what flows on it (`order.paid.v1`, or `orders/v1`). A " +
    "breaking change to its messages then has a way to ship: a new channel `order.paid.v2` beside the old one, " +
    "which consumers move to at their own pace, while charter gates breaking changes inside a version. A channel " +
    "without an address is judged by its key.",
  bad: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid
`,
  good: `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  orderPaid:
    address: order.paid.v1
`,
  check({ contract, report }) {
    for (const channel of contract.model.channels.values()) {
      const name = channelName(channel);
      if (VERSION_SUFFIX.test(name)) continue;
      const at = channel.address !== undefined && "address" in channel.channel.value ? child(channel.channel.at, "address") : channel.channel.at;
      report({ message: `Channel "${name}" should end with its major version, such as "${name}.v1".`, element: name, place: { at } });
    }
  },
});
