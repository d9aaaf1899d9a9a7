import { channelName, type Channel, type Message } from "../../contracts/asyncapi/model.js";
import type { AsyncApiContract } from "../../contracts/contract.js";

export interface ChannelMessage {
  channel: Channel;
  message: Message;
  /** `order.paid.v1/orderPaid`: the element key of findings. */
  element: string;
}

/**
 * Every message of a document once, with the first channel that lists it: a component message
 * listed by two channels (or by a channel and its operations) is one element, reported once.
 */
export function messagesOf(contract: AsyncApiContract): ChannelMessage[] {
  const seen = new Set<string>();
  const result: ChannelMessage[] = [];
  for (const channel of contract.model.channels.values()) {
    for (const message of channel.messages.values()) {
      const key = `${message.message.at.file}#${message.message.at.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push({ channel, message, element: `${channelName(channel)}/${message.key}` });
    }
  }
  return result;
}

/** `order.paid.v1`, `orders/v2`: the major version as a last component. */
export const VERSION_SUFFIX = /(?:^|[./])v\d+$/;
