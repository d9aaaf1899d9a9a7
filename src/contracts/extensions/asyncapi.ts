import { channelName, type AsyncApiModel, type Channel, type Message, type Operation } from "../asyncapi/model.js";
import type { SchemaSource } from "../schema-pointer.js";
import type { Json, Scope } from "./declared.js";
import { channelExtensions, eventOperationExtensions, messageExtensions, type ChannelExtensions, type EventOperationExtensions, type MessageExtensions } from "./index.js";

/** One version of an AsyncAPI document, as lint's contracts and compat's versions both hold it. */
export interface AsyncApiSource {
  document: { file: string; root: Json };
  schemas: SchemaSource;
}

const rootOf = ({ document }: AsyncApiSource): Scope => ({ value: document.root, at: { file: document.file, pointer: "" } });

/** The `x-charter-*` extensions of an operation, its channel's and the document's included. */
export const operationExtensionsOf = (source: AsyncApiSource, model: AsyncApiModel, operation: Operation): EventOperationExtensions =>
  eventOperationExtensions({
    operation: operation.operation,
    channel: model.channels.get(operation.channel)?.channel,
    root: rootOf(source),
    channels: [...model.channels.values()].map((c) => ({ id: c.id, address: channelName(c) })),
  });

export const channelExtensionsOf = (source: AsyncApiSource, channel: Channel): ChannelExtensions => channelExtensions(channel.channel, rootOf(source));

export const messageExtensionsOf = (source: AsyncApiSource, message: Message): MessageExtensions => messageExtensions(message.message, message.payload, source.schemas);
