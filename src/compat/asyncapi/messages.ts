import { messageExtensionsOf } from "../../contracts/extensions/asyncapi.js";
import { compareMessageExtensions } from "../../contracts/extensions/compare.js";
import { checkNewCloudEvent, compareCloudEvents } from "../cloudevents/checks.js";
import { diffSchemas } from "../schema/diff.js";
import type { SchemaPointer } from "../../contracts/schema-pointer.js";
import type { ChannelPair } from "./channels.js";
import type { CompareContext } from "./context.js";
import { capitalized, messageElement, messageName } from "./element.js";
import type { MessagePair } from "./message-pair.js";
import { messageIdentity, placeOf, type Channel, type Message } from "../../contracts/asyncapi/model.js";
import { compareMessageSchemas, type MessagePart } from "./schemas.js";
import { compareAvroPayloads } from "./avro.js";

type MessageCheck = (ctx: CompareContext, pair: MessagePair) => void;

/** A key of the message (or of the trait that gave it) when it is written, else the message itself. */
const keyOr = (message: Message, key: string): SchemaPointer => placeOf(message.message, key) ?? message.message.at;

const contentType: MessageCheck = (ctx, { old, now, element, name }) => {
  if (old.contentType === now.contentType) return;
  ctx.report({
    rule: "message-content-type-changed",
    // Readers decode by content type: neither side can read what the other writes.
    backward: "breaking",
    forward: "breaking",
    message: `The content type of ${name} changed from "${old.contentType ?? "(none)"}" to "${now.contentType ?? "(none)"}".`,
    at: keyOr(now, "contentType"),
    before: keyOr(old, "contentType"),
    element,
  });
};

const correlationId: MessageCheck = (ctx, { old, now, element, name }) => {
  const from = old.correlationId?.value.location;
  const to = now.correlationId?.value.location;
  if (from === to) return;
  const [rule, backward, forward, what] =
    from === undefined ? ["message-correlation-id-added", "conditional", "compatible", `now declares a correlation id at "${String(to)}"; old data may lack it`] as const :
    to === undefined ? ["message-correlation-id-removed", "compatible", "conditional", `no longer declares its correlation id "${String(from)}"; old readers may still correlate by it`] as const :
    ["message-correlation-id-changed", "breaking", "breaking", `moved its correlation id from "${String(from)}" to "${String(to)}"; readers correlate by the wrong value`] as const;
  ctx.report({ rule, backward, forward, message: `${capitalized(name)} ${what}.`, at: keyOr(now, "correlationId"), before: keyOr(old, "correlationId"), element });
};

/** Kafka partitions by the message key: any change to it breaks per-key ordering and compacted topics, for readers on both sides. */
const kafkaKey: MessageCheck = (ctx, { old, now, element, name }) => {
  if (!old.kafkaKey && !now.kafkaKey) return;
  const changed = !old.kafkaKey || !now.kafkaKey ||
    diffSchemas(old.kafkaKey, now.kafkaKey, { previous: ctx.previous.schemas, current: ctx.current.schemas }).some((c) => c.relation !== "annotation");
  if (!changed) return;
  const what = !old.kafkaKey ? "gained a Kafka key" : !now.kafkaKey ? "lost its Kafka key" : "changed its Kafka key";
  ctx.report({
    rule: "message-binding-key-changed",
    backward: "breaking",
    forward: "breaking",
    message: `${capitalized(name)} ${what} (bindings.kafka.key); records are partitioned and compacted by it.`,
    at: now.kafkaKey ?? now.message.at,
    before: old.kafkaKey ?? old.message.at,
    element,
  });
};

/**
 * A payload or headers schema on one side only. No schema means any value, so adding one narrows
 * what readers accept and dropping one widens it; the declared shape is what readers were told.
 */
const schemaPresence = (part: MessagePart): MessageCheck => (ctx, { old, now, element, name }) => {
  if (old[part] && now[part]) {
    compareMessageSchemas(ctx, part, old[part], now[part], element, name);
    return;
  }
  // An Avro payload is a schema too: compareAvroPayloads judges it, and a switch of format.
  const declared = (message: Message) => message[part] ?? (part === "payload" ? message.avro : undefined);
  if (!declared(old) === !declared(now)) return;
  const added = !declared(old);
  ctx.report({
    rule: `message-${part === "payload" ? "payload" : "headers"}-schema-${added ? "added" : "removed"}`,
    backward: added ? "conditional" : "compatible",
    forward: added ? "compatible" : "conditional",
    message: `${capitalized(name)} ${added ? "now declares" : "no longer declares"} a ${part} schema the engine can compare.`,
    at: declared(now) ?? now.message.at,
    before: declared(old) ?? old.message.at,
    element,
  });
};

/** The business key and enum fallbacks a message declares (contracts/extensions/compare.ts). */
const extensions: MessageCheck = (ctx, { old, now, element, name }) => {
  const subject = { element, name: capitalized(name), at: now.message.at, before: old.message.at };
  for (const issue of compareMessageExtensions(messageExtensionsOf(ctx.previous, old), messageExtensionsOf(ctx.current, now), subject)) ctx.report(issue);
};

/** Checks of a pair of messages, registered in one place. */
const MESSAGE_CHECKS: MessageCheck[] = [contentType, correlationId, kafkaKey, schemaPresence("payload"), compareAvroPayloads, schemaPresence("headers"), compareCloudEvents, extensions];

/** The same payload schema on both sides: the engine finds no change at all (a property of an open object is not nothing). */
const samePayload = (ctx: CompareContext, old: Message, now: Message): boolean =>
  old.payload !== undefined && now.payload !== undefined && diffSchemas(old.payload, now.payload, { previous: ctx.previous.schemas, current: ctx.current.schemas }).length === 0;

/**
 * The messages of a pair of channels: matched by key, then (keys differ across a 2.x → 3.x
 * migration, where 2.x keys by messageId or name and 3.0 by the author's key) by messageId or
 * name, then by a payload that reads the same, each only when one message fits.
 */
function messagePairs(ctx: CompareContext, channel: ChannelPair): { pairs: [Message, Message][]; removed: Message[]; added: Message[] } {
  const { old, now } = channel;
  const pairs: [Message, Message][] = [];
  const unmatched = new Map(now.messages);
  const removed: Message[] = [];
  for (const [key, message] of old.messages) {
    const counterpart = unmatched.get(key);
    if (counterpart) {
      pairs.push([message, counterpart]);
      unmatched.delete(key);
    } else {
      removed.push(message);
    }
  }
  for (const alike of [(a: Message, b: Message) => messageIdentity(a) === messageIdentity(b), (a: Message, b: Message) => samePayload(ctx, a, b)]) {
    for (const message of [...removed]) {
      const candidates = [...unmatched.values()].filter((candidate) => alike(message, candidate));
      if (candidates.length !== 1) continue;
      pairs.push([message, candidates[0]]);
      unmatched.delete(candidates[0].key);
      removed.splice(removed.indexOf(message), 1);
    }
  }
  return { pairs, removed, added: [...unmatched.values()] };
}

/** Messages of each pair of channels (messagePairs): removed, added, then each pair through MESSAGE_CHECKS. */
export function compareMessages(ctx: CompareContext, channels: ChannelPair[], addedChannels: Channel[]): void {
  for (const channel of channels) {
    const { old, now } = channel;
    const { pairs, removed, added } = messagePairs(ctx, channel);
    for (const [message, counterpart] of pairs) {
      const pair = { channel, old: message, now: counterpart, element: messageElement(now, counterpart), name: messageName(now, counterpart) };
      for (const check of MESSAGE_CHECKS) check(ctx, pair);
    }
    for (const message of removed) {
      ctx.report({
        rule: "message-removed",
        // Like a removed field (ARCHITECTURE.md, "The compatibility model"): retained old messages need readers that skip unknown ones; old consumers lose the message.
        backward: "conditional",
        forward: "breaking",
        message: `${capitalized(messageName(old, message))} was removed; its consumers lose it.`,
        at: now.channel.at,
        before: message.listed,
        element: messageElement(old, message),
      });
    }
    for (const message of added) {
      ctx.report({
        rule: "message-added",
        // Old consumers of the channel now receive a message they do not know: fine if they skip unknown messages.
        backward: "compatible",
        forward: "conditional",
        message: `${capitalized(messageName(now, message))} was added; old consumers of the channel must skip messages they do not know.`,
        at: message.listed,
        element: messageElement(now, message),
      });
      checkNewCloudEvent(ctx, message, { element: messageElement(now, message), name: messageName(now, message) });
    }
  }
  for (const channel of addedChannels) {
    for (const message of channel.messages.values()) checkNewCloudEvent(ctx, message, { element: messageElement(channel, message), name: messageName(channel, message) });
  }
}
