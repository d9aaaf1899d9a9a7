import type { ChannelPair } from "./channels.js";
import type { Message } from "../../contracts/asyncapi/model.js";

/** A message of a channel in both versions, matched by its key. */
export interface MessagePair {
  channel: ChannelPair;
  old: Message;
  now: Message;
  /** Semantic key (`order.paid.v1 OrderPaid`). */
  element: string;
  /** How findings name it. */
  name: string;
}
