import { child, type SchemaPointer } from "../schema-pointer.js";
import type { AsyncApiVersion } from "./version.js";
import { avroPayloadOf } from "./avro.js";

/**
 * AsyncAPI 2.x and 3.0 in one model, built from the document as written (never from the parser's
 * output, whose `x-parser-*` keys and generated ids are not the author's), with every element's
 * place so findings can point at source.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** An object found at a pointer after its `$ref` chain, with the place it really is. */
export interface Located {
  value: Json;
  at: SchemaPointer;
}

/** An action from the application's side (AsyncAPI 3.0's words; 2.x `subscribe` is `send`, `publish` is `receive`). */
export type Action = "send" | "receive";

/**
 * A message or operation with its traits applied: `value` is what it says once merged, `at` where
 * the object itself is, and `origin` where each key was written (the object, or the trait that
 * gave it), so that schemas and findings point at the key's real place.
 */
export interface Traited extends Located {
  origin: Record<string, Located>;
}

/** Where a key of a traited object is written, if it is. */
export const placeOf = (object: Traited, key: string): SchemaPointer | undefined => (object.origin[key] ? child(object.origin[key].at, key) : undefined);

export interface Message {
  /** Identity within its channel: the 3.0 key, or the 2.x messageId, name or component key. */
  key: string;
  /** Where the channel or operation lists it (a `$ref` to a component, or the message inline). */
  listed: SchemaPointer;
  message: Traited;
  /** The JSON schemas the engine compares; absent when missing or in another schema format (Avro: see `avro`; RAML, Protobuf). */
  payload?: SchemaPointer;
  /** Where an Avro payload schema is (inline or a registry `.avsc` file, `$ref`s followed): avsc reads it (`./avro.ts`). */
  avro?: SchemaPointer;
  headers?: SchemaPointer;
  /** The message's content type, else the document's default. */
  contentType?: string;
  correlationId?: Located;
  /** Kafka's message key schema (`bindings.kafka.key`), which decides partitioning and ordering. */
  kafkaKey?: SchemaPointer;
}

export interface Channel {
  /** The 3.0 key; in 2.x, where channels are keyed by address, the address. */
  id: string;
  /** Undefined for a 3.0 channel whose address is unknown or dynamic (`address: null`). */
  address?: string;
  channel: Located;
  messages: Map<string, Message>;
}

/**
 * A 3.x operation's `reply` (request/reply): where the replier answers (a channel, or an address
 * the request carries at run time) and with which messages.
 */
export interface Reply {
  reply: Located;
  /** The id of the channel replies go on, when the reply names one. */
  channel?: string;
  /** The runtime expression naming where to answer (`$message.header#/replyTo`), when given. */
  location?: string;
  /** Identities of the reply's messages (names, else keys), when it lists them. */
  messages?: string[];
  /** Where each listed message really is, in listing order (for the generator). */
  listed: SchemaPointer[];
}

export interface Operation {
  /** The 3.0 key or 2.x operationId, else `<channel> publish|subscribe`. */
  id: string;
  /** False for a 2.x operation without an operationId, whose id charter made up. */
  named: boolean;
  /** Identities of the messages it lists (names, else keys), when it lists them. */
  messages?: string[];
  action: Action;
  /** The id of the channel it sends to or receives from. */
  channel: string;
  operation: Traited;
  /** 3.x request/reply: what the replier answers; 2.x has none. */
  reply?: Reply;
}

/**
 * A server, of whatever protocol (a document's MQTT or AMQP brokers are compared and shown like
 * its NATS ones, even where charter generates no transport for them).
 */
export interface Server {
  key: string;
  server: Located;
  protocol?: string;
  /** `host[:port]` as written: 3.x `host`, or a 2.x `url` without its scheme and path. */
  host?: string;
  /** The path after the host (`/v1`), without a trailing slash; undefined when there is none. */
  pathname?: string;
}

export interface AsyncApiModel {
  channels: Map<string, Channel>;
  operations: Map<string, Operation>;
  servers: Map<string, Server>;
}

/** The value at a pointer after its `$ref` chain; undefined when it is not an object. */
function resolveObject(version: AsyncApiVersion, at: SchemaPointer): Located | undefined {
  const { value, at: where } = version.schemas.resolve(at);
  return isObject(value) ? { value, at: where } : undefined;
}

function member(version: AsyncApiVersion, parent: Located | undefined, ...path: string[]): Located | undefined {
  let here = parent;
  for (const key of path) here = here && key in here.value ? resolveObject(version, child(here.at, key)) : undefined;
  return here;
}

/** Entries of a map-valued member (`channels`, `messages`), each `$ref` followed. */
function entries(version: AsyncApiVersion, parent: Located | undefined, key: string): [string, Located][] {
  const map = member(version, parent, key);
  if (!map) return [];
  return Object.keys(map.value).flatMap((name) => {
    const entry = resolveObject(version, child(map.at, name));
    return entry ? [[name, entry] as [string, Located]] : [];
  });
}

/**
 * An object with its `traits` applied, as @asyncapi/parser applies them: in 2.x each trait in turn
 * overrides the object, in 3.x the object overrides its traits. A key is taken whole from the one
 * that wins (JSON Merge Patch would merge two objects under one key, a schema that is written
 * nowhere and so has no place to point at).
 */
function withTraits(version: AsyncApiVersion, object: Located): Traited {
  const traits = Array.isArray(object.value.traits)
    ? object.value.traits.flatMap((_, i) => {
        // 2.0 allowed a trait as `[trait, options]`: the trait is the first item.
        const at = Array.isArray((object.value.traits as unknown[])[i]) ? child(object.at, "traits", i, 0) : child(object.at, "traits", i);
        return resolveObject(version, at) ?? [];
      })
    : [];
  const layers = version.document.major === 2 ? [object, ...traits] : [...traits, object];
  const origin: Record<string, Located> = {};
  for (const layer of layers) for (const key of Object.keys(layer.value)) if (key !== "traits") origin[key] = layer;
  const value = Object.fromEntries(Object.entries(origin).map(([key, layer]) => [key, layer.value[key]]));
  return { value, at: object.at, origin };
}

/** Schema formats the engine reads: AsyncAPI's own (a JSON Schema draft-07 superset) and JSON Schema. */
const JSON_SCHEMA_FORMAT = /^application\/(vnd\.aai\.asyncapi|schema)(\+json|\+yaml)?(;|$)/;

/**
 * Where a message's payload or headers schema is. 3.0 may wrap a schema with its format
 * (`{ schemaFormat, schema }`); 2.x puts `schemaFormat` on the message, for the payload only.
 */
function schemaOf(version: AsyncApiVersion, message: Traited, key: "payload" | "headers"): SchemaPointer | undefined {
  const at = placeOf(message, key);
  if (!at) return undefined;
  const format2 = version.document.major === 2 && key === "payload" ? message.value.schemaFormat : undefined;
  if (typeof format2 === "string" && !JSON_SCHEMA_FORMAT.test(format2)) return undefined;
  const schema = version.schemas.resolve(at);
  if (version.document.major === 3 && isObject(schema.value) && "schemaFormat" in schema.value && "schema" in schema.value) {
    return JSON_SCHEMA_FORMAT.test(String(schema.value.schemaFormat)) ? child(schema.at, "schema") : undefined;
  }
  return at;
}

const componentKey = (version: AsyncApiVersion, at: SchemaPointer): string | undefined => {
  const match = /^\/components\/messages\/([^/]+)$/.exec(at.pointer);
  return match && at.file === version.document.file ? match[1] : undefined;
};

function messageOf(version: AsyncApiVersion, key: string, listed: SchemaPointer, message: Traited): Message {
  const root = version.document.root;
  const contentType = message.value.contentType ?? root.defaultContentType;
  const kafka = member(version, message.origin.bindings, "bindings", "kafka");
  return {
    key,
    listed,
    message,
    payload: schemaOf(version, message, "payload"),
    avro: avroPayloadOf(version, placeOf(message, "payload"), message.value.schemaFormat),
    headers: schemaOf(version, message, "headers"),
    contentType: typeof contentType === "string" ? contentType : undefined,
    correlationId: member(version, message.origin.correlationId, "correlationId"),
    kafkaKey: kafka && "key" in kafka.value ? child(kafka.at, "key") : undefined,
  };
}

/** 2.x: an operation's `message` is one message or `oneOf` several; each is keyed by messageId, name or component key. */
function messages2(version: AsyncApiVersion, operation: Located, kind: string): Message[] {
  const slot = member(version, operation, "message");
  if (!slot) return [];
  const places = Array.isArray(slot.value.oneOf) ? slot.value.oneOf.map((_, i) => child(slot.at, "oneOf", i)) : [slot.at];
  return places.flatMap((place, i) => {
    const found = resolveObject(version, place);
    if (!found) return [];
    const message = withTraits(version, found);
    const { messageId, name } = message.value;
    const key = typeof messageId === "string" ? messageId : typeof name === "string" ? name : componentKey(version, message.at) ?? `${kind}#${i}`;
    return [messageOf(version, key, place, message)];
  });
}

function model2(version: AsyncApiVersion, root: Located): AsyncApiModel {
  const channels = new Map<string, Channel>();
  const operations = new Map<string, Operation>();
  for (const [address, channel] of entries(version, root, "channels")) {
    const messages = new Map<string, Message>();
    // In 2.x, `publish` describes what others publish to the application (it receives), `subscribe` what it sends.
    for (const [kind, action] of [["publish", "receive"], ["subscribe", "send"]] as const) {
      const written = member(version, channel, kind);
      if (!written) continue;
      const operation = withTraits(version, written);
      const { operationId } = operation.value;
      const id = typeof operationId === "string" ? operationId : `${address} ${kind}`;
      const listed = messages2(version, operation, kind);
      operations.set(id, { id, named: typeof operationId === "string", action, channel: address, operation, messages: listed.map(messageIdentity) });
      for (const message of listed) messages.set(message.key, message);
    }
    channels.set(address, { id: address, address, channel, messages });
  }
  return { channels, operations, servers: serversOf(version, root) };
}

function model3(version: AsyncApiVersion, root: Located): AsyncApiModel {
  const channels = new Map<string, Channel>();
  const operations = new Map<string, Operation>();
  for (const [id, channel] of entries(version, root, "channels")) {
    const listed = (key: string) => child(channel.at, "messages", key);
    const messages = new Map(entries(version, channel, "messages").map(([key, message]) => [key, messageOf(version, key, listed(key), withTraits(version, message))]));
    const { address } = channel.value;
    channels.set(id, { id, address: typeof address === "string" ? address : undefined, channel, messages });
  }
  for (const [id, written] of entries(version, root, "operations")) {
    const operation = withTraits(version, written);
    const action = operation.value.action === "receive" ? "receive" : "send";
    const channelId = channelRef(operation.value.channel) ?? "";
    // A 3.0 operation lists `$ref`s to its channel's messages (`#/channels/<id>/messages/<key>`).
    const keys = Array.isArray(operation.value.messages)
      ? operation.value.messages.map((m) => (isObject(m) && typeof m.$ref === "string" ? unescapeToken(m.$ref.split("/").pop()!) : ""))
      : undefined;
    const channelMessages = channels.get(channelId)?.messages;
    const messages = keys && channelMessages ? keys.map((key) => (channelMessages.get(key) ? messageIdentity(channelMessages.get(key)!) : key)) : undefined;
    const reply = member(version, operation.origin.reply, "reply");
    operations.set(id, { id, named: true, action, channel: channelId, operation, messages, ...(reply ? { reply: replyOf(version, reply, channels) } : {}) });
  }
  return { channels, operations, servers: serversOf(version, root) };
}

/** The channel id a 3.x `{ $ref: '#/channels/<id>' }` names, else the reference as written. */
function channelRef(value: unknown): string | undefined {
  const ref = isObject(value) && typeof value.$ref === "string" ? value.$ref : undefined;
  if (ref === undefined) return undefined;
  const match = /^#\/channels\/([^/]+)$/.exec(ref);
  return match ? unescapeToken(match[1]) : ref;
}

const unescapeToken = (token: string) => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** A 3.x reply: its channel, its address's runtime expression, and its messages (which live in the reply's channel). */
function replyOf(version: AsyncApiVersion, reply: Located, channels: Map<string, Channel>): Reply {
  const channel = channelRef(reply.value.channel);
  const address = member(version, reply, "address");
  const location = address && typeof address.value.location === "string" ? address.value.location : undefined;
  const listed = Array.isArray(reply.value.messages) ? reply.value.messages.map((_, i) => version.schemas.resolve(child(reply.at, "messages", i)).at) : [];
  const known = new Map([...channels.values()].flatMap((c) => [...c.messages.values()]).map((m) => [`${m.message.at.file}#${m.message.at.pointer}`, m]));
  const messages = Array.isArray(reply.value.messages)
    ? listed.map((at) => {
        const message = known.get(`${at.file}#${at.pointer}`);
        // A reference to a component rather than a channel's message: known by the component's key.
        return message ? messageIdentity(message) : unescapeToken(at.pointer.split("/").pop()!);
      })
    : undefined;
  return { reply, channel, location, messages, listed };
}

/** 2.x's `url` (`mqtt://broker:{port}/v1` or `broker:1883`) split into host and pathname; 3.x writes them apart. */
function serversOf(version: AsyncApiVersion, root: Located): Map<string, Server> {
  const servers = new Map<string, Server>();
  for (const [key, server] of entries(version, root, "servers")) {
    const { protocol, url, host, pathname } = server.value;
    const written = typeof url === "string" ? /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/]*)(\/.*)?$/i.exec(url) : undefined;
    const path = written ? written[2] : typeof pathname === "string" ? pathname : undefined;
    servers.set(key, {
      key,
      server,
      // A URL scheme, so case does not matter.
      protocol: typeof protocol === "string" ? protocol.toLowerCase() : undefined,
      host: written ? written[1] : typeof host === "string" ? host : undefined,
      pathname: path?.replace(/\/+$/, "") || undefined,
    });
  }
  return servers;
}

const models = new WeakMap<AsyncApiVersion, AsyncApiModel>();

/** The model of a version, built once. */
export function modelOf(version: AsyncApiVersion): AsyncApiModel {
  let model = models.get(version);
  if (!model) {
    const root = { value: version.document.root, at: { file: version.document.file, pointer: "" } };
    models.set(version, (model = version.document.major === 2 ? model2(version, root) : model3(version, root)));
  }
  return model;
}

/** What a message is known as across versions, whatever its key: its `messageId` or `name`, else its key. */
export function messageIdentity(message: Message): string {
  const { messageId, name } = message.message.value;
  return typeof messageId === "string" ? messageId : typeof name === "string" ? name : message.key;
}

/** How messages and elements name a channel: by its address, which is what producers and consumers share. */
export const channelName = (channel: Channel): string => channel.address ?? channel.id;
