import { channelName, type Channel, type Message, type Operation } from "../../contracts/asyncapi/model.js";

/**
 * Semantic keys of AsyncAPI elements (ARCHITECTURE.md, "The compatibility model"), the part of a fingerprint that survives line
 * moves, `$ref` refactors and renamed channel ids: `order.paid.v1 OrderPaid payload #/amount`.
 */
export const channelElement = (channel: Channel) => channelName(channel);

export const messageElement = (channel: Channel, message: Message) => `${channelName(channel)} ${message.key}`;

/** A place inside a message's payload or headers, by the engine's semantic path. */
export const schemaElement = (base: string, part: "payload" | "headers", path: string[]) =>
  `${base} ${part}${path.length ? ` #/${path.join("/")}` : ""}`;

export const operationElement = (operation: Operation) => `operation ${operation.id}`;

/** How messages name a message: `message "OrderPaid" on channel "order.paid.v1"`. */
export const messageName = (channel: Channel, message: Message) => `message "${message.key}" on channel "${channelName(channel)}"`;

/** A name at the start of a sentence. */
export const capitalized = (text: string) => `${text[0].toUpperCase()}${text.slice(1)}`;
