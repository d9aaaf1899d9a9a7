import { isObject, type Parsed } from "./declared.js";

/**
 * Where a `receive` operation parks messages it cannot process:
 * `x-charter-dead-letter: <channel key | address | { $ref: "#/channels/<key>" }>` on the operation,
 * its channel, or the document.
 */
export const DEAD_LETTER_KEY = "x-charter-dead-letter";

/** The channel as written: a key, an address or a `$ref`. */
export function parseDeadLetter(raw: unknown): Parsed<string> {
  const name = isObject(raw) ? raw.$ref : raw;
  return typeof name === "string" && name.trim() !== "" ? { value: name } : { problem: "is not a channel: a key, an address or a $ref" };
}

/** A channel of the document, as dead-letter references may name it. */
export interface ChannelName {
  id: string;
  address: string;
}

/** The address of the channel a reference names, or undefined when the document has no such channel. */
export const deadLetterAddress = (reference: string, channels: ChannelName[]): string | undefined =>
  channels.find((c) => [c.id, c.address, `#/channels/${c.id}`].includes(reference))?.address;

/** Where generated consumers send dead letters when the contract names no channel. */
export const defaultDeadLetter = (channelAddress: string): string => `${channelAddress}.dlq`;
