import { eventAttributes } from "../compat/cloudevents/convention.js";
import { channelName, type Message, type Reply } from "../contracts/asyncapi/model.js";
import { channelExtensionsOf, messageExtensionsOf, operationExtensionsOf } from "../contracts/extensions/asyncapi.js";
import { channelFacts, consumerFacts, messageFacts, type Fact } from "../contracts/extensions/display.js";
import type { AsyncApiContract } from "../contracts/contract.js";
import { avroView, type AvroView } from "./avro.js";
import { exampleOf } from "./example.js";
import { anchor } from "./ids.js";
import { renderMarkdown } from "./markdown.js";
import { explorerFor } from "./openapi.js";
import { explore, fieldsOf, type Link, type SchemaNode } from "./schema.js";
import type { SearchEntry } from "./search.js";

/** What an AsyncAPI contract's page shows: channels with their messages, and the operations on them. */
export interface AsyncApiView {
  /** `resilience`: what a channel or a receive operation declares of SLO, dead letters and retries (`x-charter-*`). */
  channels: { id: string; name: string; address?: string; description?: string; resilience: Fact[]; messages: MessageView[]; peers: PeerLink[] }[];
  operations: { id: string; name: string; action: string; channel: Link; description?: string; resilience: Fact[]; messages: Link[]; reply?: ReplyView }[];
  /** Every server, whatever its protocol. */
  servers: { key: string; protocol?: string; host?: string; pathname?: string; description?: string }[];
}

/** A 3.x operation's reply: the channel replies go on, the runtime expression naming where to answer, and the messages. */
export interface ReplyView {
  channel?: Link;
  location?: string;
  messages: Link[];
}

export interface MessageView {
  id: string;
  key: string;
  title?: string;
  description?: string;
  contentType?: string;
  /** Its business key (`x-charter-business-key`). */
  resilience: Fact[];
  /** The CloudEvents `type` this message is sent as. */
  eventType?: string;
  /** A JSON Schema contract of the registry that the message names as its `dataschema`. */
  dataschema?: Link;
  payload?: SchemaNode;
  /** An Avro payload, shown as its fields and schema (the example CloudEvent is left out: its data would be Avro binary). */
  avro?: AvroView;
  headers?: SchemaNode;
  /** A CloudEvent (structured JSON) carrying the message: from the message's examples, else synthesised from its payload schema. */
  example: CloudEvent;
  exampleJson: string;
  exampleFrom: "example" | "schema";
}

export interface CloudEvent {
  specversion: "1.0";
  id: string;
  source: string;
  type: string;
  time: string;
  datacontenttype: string;
  dataschema?: string;
  /** The partition key, from the message's business key (`x-charter-business-key`). */
  partitionkey?: string;
  data: unknown;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Finds a JSON Schema contract of the registry by its id (`$id`), for `dataschema` cross-links. */
export type ContractLinker = (id: string) => Link | undefined;

/** An operation of another contract on the same channel address: who produces what this one consumes, and the reverse. */
export interface PeerLink extends Link {
  action: string;
}

/** The operations of every AsyncAPI contract, by channel address, linked to their pages. */
export function channelPeers(contracts: { contract: AsyncApiContract; page: string }[]): Map<string, (PeerLink & { contract: string })[]> {
  const peers = new Map<string, (PeerLink & { contract: string })[]>();
  for (const { contract, page } of contracts) {
    for (const op of contract.model.operations.values()) {
      const channel = contract.model.channels.get(op.channel);
      if (!channel) continue;
      const address = channelName(channel);
      const link = { label: `${contract.id} · ${op.id}`, href: `${page}#${anchor("op", op.id)}`, action: op.action, contract: contract.id };
      peers.set(address, [...(peers.get(address) ?? []), link]);
    }
  }
  return peers;
}

/** The event a generated producer would send for the message's first example, else for data synthesised from its payload schema. */
function cloudEvent(contract: AsyncApiContract, message: Message): { event: CloudEvent; from: "example" | "schema" } {
  const value = message.message.value;
  const examples = Array.isArray(value.examples) ? value.examples.filter((e): e is Json => isObject(e) && "payload" in e) : [];
  const data = examples.length ? examples[0].payload : message.payload ? exampleOf(contract.schemas, message.payload) : {};
  const businessKey = messageExtensionsOf(contract, message).businessKey?.value;
  const key = businessKey !== undefined && isObject(data) ? data[businessKey] : undefined;
  const { type, source, dataschema, datacontenttype } = eventAttributes(contract.id, message);
  const event: CloudEvent = {
    specversion: "1.0",
    id: "7d9c1f3e-0b2a-4c5d-9e8f-1a2b3c4d5e6f",
    source,
    type,
    time: "2024-05-01T12:00:00Z",
    datacontenttype,
    ...(dataschema === undefined ? {} : { dataschema }),
    ...(key === undefined || key === null ? {} : { partitionkey: String(key) }),
    data,
  };
  return { event, from: examples.length ? "example" : "schema" };
}

function replyView(reply: Reply, messageLinks: Map<string, Link>): ReplyView {
  return {
    ...(reply.channel !== undefined ? { channel: { label: reply.channel, href: `#${anchor("channel", reply.channel)}` } } : {}),
    ...(reply.location !== undefined ? { location: reply.location } : {}),
    messages: reply.listed.flatMap((at) => messageLinks.get(`${at.file}#${at.pointer}`) ?? []),
  };
}

export function asyncApiView(
  contract: AsyncApiContract,
  page: string,
  linkContract: ContractLinker,
  peers: Map<string, (PeerLink & { contract: string })[]> = new Map(),
): { view: AsyncApiView; search: SearchEntry[] } {
  const ctx = explorerFor(contract, contract.document.file);
  const search: SearchEntry[] = [];
  const entry = (title: string, kind: string, id: string, description?: string) => search.push({ title, kind, contract: contract.id, href: `${page}#${id}`, description });
  const messageIds = new Map<string, Link[]>();
  /** Each message's link, by where it is written, for the replies that list it. */
  const messageLinks = new Map<string, Link>();
  const channels = [...contract.model.channels.values()].map((channel) => {
    const channelId = anchor("channel", channel.id);
    entry(channelName(channel), "channel", channelId);
    const messages = [...channel.messages.values()].map((message): MessageView => {
      const value = message.message.value;
      const id = anchor("msg", channel.id, message.key);
      const title = text(value.title) ?? text(value.name) ?? message.key;
      const { event, from } = cloudEvent(contract, message);
      const dataschema = isObject(value["x-cloudevents"]) ? text(value["x-cloudevents"].dataschema) : undefined;
      const payload = message.payload && explore(ctx, message.payload, [channel.id, message.key, "payload"]);
      entry(event.type === title ? title : `${title} (${event.type})`, "message", id, renderMarkdown(value.description) ?? renderMarkdown(value.summary));
      for (const field of payload ? fieldsOf(payload) : []) entry(`${title}.${field.name}`, "field", field.id!, field.description);
      messageIds.set(channel.id, [...(messageIds.get(channel.id) ?? []), { label: title, href: `#${id}` }]);
      messageLinks.set(`${message.message.at.file}#${message.message.at.pointer}`, { label: title, href: `#${id}` });
      return {
        id,
        key: message.key,
        title,
        description: renderMarkdown(value.description) ?? renderMarkdown(value.summary),
        contentType: message.contentType,
        resilience: messageFacts(messageExtensionsOf(contract, message)),
        eventType: event.type,
        dataschema: dataschema ? linkContract(dataschema) : undefined,
        payload,
        avro: message.avro && avroView(contract, message.avro),
        headers: message.headers && explore(ctx, message.headers, [channel.id, message.key, "headers"]),
        example: event,
        exampleJson: JSON.stringify(event, null, 2),
        exampleFrom: from,
      };
    });
    const others = (peers.get(channelName(channel)) ?? []).filter((p) => p.contract !== contract.id).map(({ label, href, action }) => ({ label, href, action }));
    const resilience = channelFacts(channelExtensionsOf(contract, channel));
    return { id: channelId, name: channel.id, address: channel.address, description: renderMarkdown(channel.channel.value.description), resilience, messages, peers: others };
  });
  const operations = [...contract.model.operations.values()].map((op) => {
    const id = anchor("op", op.id);
    entry(`${op.action} ${op.id}`, "operation", id);
    return {
      id,
      name: op.id,
      action: op.action,
      channel: { label: op.channel, href: `#${anchor("channel", op.channel)}` },
      description: renderMarkdown(op.operation.value.description) ?? renderMarkdown(op.operation.value.summary),
      // Dead letters and retries are a consumer's.
      resilience: op.action === "receive" ? consumerFacts(operationExtensionsOf(contract, contract.model, op)) : [],
      messages: messageIds.get(op.channel) ?? [],
      reply: op.reply && replyView(op.reply, messageLinks),
    };
  });
  const servers = [...contract.model.servers.values()].map(({ key, protocol, host, pathname, server }) => ({ key, protocol, host, pathname, description: renderMarkdown(server.value.description) }));
  return { view: { channels, operations, servers }, search };
}
