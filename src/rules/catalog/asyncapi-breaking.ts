import type { RuleMeta } from "../rule-meta.js";
import { idSentence, SCHEMA_CHANGE_KINDS, type SchemaChangeKind } from "./schema-kinds.js";

/**
 * AsyncAPI breaking rules: channels, servers, operations and their replies, messages, then every
 * schema change of a message's payload or headers (`message-payload-` or `message-header-` + the
 * engine's kind). Producers write, consumers read: backward is new consumers with old data, forward
 * old consumers with new data (ARCHITECTURE.md, "The compatibility model"); a reply is data too,
 * written by the replier and read by the requester.
 */
const entry = <const I extends string>(
  id: I, category: string, description: string, verdicts?: { backward: "compatible" | "conditional" | "breaking"; forward: "compatible" | "conditional" | "breaking" },
) => ({ id, kinds: ["asyncapi"] as const, check: "breaking" as const, category, description, ...(verdicts ? { verdicts } : {}) });

const FIXED = [
  entry("channel-added", "channel", "A channel was added: nobody reads or writes it yet.", { backward: "compatible", forward: "compatible" }),
  entry("channel-removed", "channel", "A channel was removed: its old consumers wait for data that no longer comes, and producers that still write it have no reader.", { backward: "conditional", forward: "breaking" }),
  entry("channel-address-changed", "channel", "A channel's address (topic, subject, queue) changed: old producers and consumers use the old address and miss each other.", { backward: "breaking", forward: "breaking" }),
  entry("operation-added", "operation", "An operation was added: a new send or receive on a channel.", { backward: "compatible", forward: "compatible" }),
  entry("operation-removed", "operation", "An operation was removed: a send removed leaves consumers waiting (forward); a receive removed leaves producers' data unread (backward)."),
  entry("operation-action-changed", "operation", "An operation turned from send to receive or back: both sides of it now disagree on who writes.", { backward: "breaking", forward: "breaking" }),
  entry("operation-id-changed", "operation", "An operation was renamed (matched by channel, action and messages): peers still meet, but generated code names its methods after the id.", { backward: "conditional", forward: "conditional" }),
  entry("operation-channel-changed", "operation", "An operation moved to another channel: old peers use the old channel.", { backward: "breaking", forward: "breaking" }),
  entry("server-added", "server", "A server was added: nobody uses it yet.", { backward: "compatible", forward: "compatible" }),
  entry("server-removed", "server", "A server (broker) was removed: producers and consumers configured with it lose their partners, and data retained there goes unread.", { backward: "conditional", forward: "breaking" }),
  entry("server-protocol-changed", "server", "A server's protocol changed: clients of the old protocol cannot speak to it.", { backward: "breaking", forward: "breaking" }),
  entry("server-host-changed", "server", "A server's host (or port) changed: producers and consumers configured with the old one miss each other.", { backward: "breaking", forward: "breaking" }),
  entry("server-pathname-changed", "server", "A server's pathname changed: clients configured with the old path no longer reach it.", { backward: "breaking", forward: "breaking" }),
  entry("operation-reply-added", "reply", "An operation now has a reply (request/reply): new requesters wait for replies that old repliers never send.", { backward: "breaking", forward: "compatible" }),
  entry("operation-reply-removed", "reply", "An operation no longer has a reply: old requesters wait for replies that never come.", { backward: "compatible", forward: "breaking" }),
  entry("operation-reply-channel-changed", "reply", "A reply moved to another channel: requesters listen where replies no longer go.", { backward: "breaking", forward: "breaking" }),
  entry("operation-reply-address-changed", "reply", "A reply's address (the runtime expression naming where to answer) changed: repliers answer where requesters do not listen.", { backward: "breaking", forward: "breaking" }),
  entry("operation-reply-message-added", "reply", "A reply may carry a message it did not: old requesters meet a reply they do not know.", { backward: "compatible", forward: "conditional" }),
  entry("operation-reply-message-removed", "reply", "A reply no longer carries a message: requesters that wait for it get another.", { backward: "conditional", forward: "breaking" }),
  entry("message-added", "message", "A message was added to a channel: old consumers meet a message they do not know.", { backward: "compatible", forward: "conditional" }),
  entry("message-removed", "message", "A message was removed from a channel: old consumers wait for it; producers that still send it have no reader.", { backward: "conditional", forward: "breaking" }),
  entry("message-content-type-changed", "message", "A message's contentType changed: readers decode its payload with the wrong format.", { backward: "breaking", forward: "breaking" }),
  entry("message-binding-key-changed", "message", "A message's binding key (the Kafka key schema) changed: partitioning and per-key ordering change, and consumers misread the key.", { backward: "breaking", forward: "breaking" }),
  entry("message-correlation-id-added", "message", "A message now declares a correlation id: old data may lack it.", { backward: "conditional", forward: "compatible" }),
  entry("message-correlation-id-removed", "message", "A message no longer declares its correlation id: old readers may still correlate by it.", { backward: "compatible", forward: "conditional" }),
  entry("message-correlation-id-changed", "message", "A message's correlation id moved to another location: readers correlate by the wrong value.", { backward: "breaking", forward: "breaking" }),
  entry("message-payload-schema-added", "payload", "A message's payload got a schema where it had none: 'anything' narrowed to that schema, so old data may not fit.", { backward: "conditional", forward: "compatible" }),
  entry("message-payload-schema-removed", "payload", "A message's payload lost its schema: anything may be sent, which old readers do not expect.", { backward: "compatible", forward: "conditional" }),
  entry("message-headers-schema-added", "headers", "A message's headers got a schema where they had none: old data may not fit.", { backward: "conditional", forward: "compatible" }),
  entry("message-headers-schema-removed", "headers", "A message's headers lost their schema: any header may be sent, which old readers do not expect.", { backward: "compatible", forward: "conditional" }),
] as const satisfies readonly RuleMeta[];

/** The prefixes of a payload's and the headers' schema changes, and what they say. */
const PARTS = { "message-payload": "payload", "message-header": "headers" } as const;
export type MessageSchemaPrefix = keyof typeof PARTS;

type Entry<I extends string> = RuleMeta & { id: I; kinds: readonly ["asyncapi"]; check: "breaking" };

const SCHEMA: readonly Entry<`${MessageSchemaPrefix}-${SchemaChangeKind}`>[] = Object.entries(PARTS).flatMap(([prefix, category]) =>
  [...SCHEMA_CHANGE_KINDS].map(([kind, meaning]) => ({
    ...entry(`${prefix as MessageSchemaPrefix}-${kind}` as const, category, ""),
    description: `${idSentence(`${prefix}-${kind}`)} ${meaning} Producers write messages and consumers read them.`,
  })),
);

export const ASYNCAPI_BREAKING_RULES = [...FIXED, ...SCHEMA];
