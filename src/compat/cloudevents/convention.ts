/**
 * charter's CloudEvents convention. A message of an AsyncAPI document is a CloudEvent when it
 * carries an `x-cloudevents` object holding its context attributes:
 *
 *   x-cloudevents:
 *     type: com.shop.order.paid.v1      # required; reverse-DNS, ending with the major version `.v<N>`
 *     source: /shop/orders              # required; a URI-reference
 *     dataschema: https://...           # optional; a URI
 *     subject: ...                      # optional, like every other CloudEvents 1.0 attribute
 *     partitionkey: ...                 # any other key is an extension attribute
 *
 * Values are the attributes' fixed values (for extensions, a fixed value or a short description).
 * Attribute names follow CloudEvents 1.0: lower-case a-z and 0-9, at most 20 characters
 * recommended. The message's payload is the event's `data`, compared by the schema engine like
 * any other payload. `id` and `time` vary per event, so they are not declared.
 */
import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { placeOf, type Message } from "../../contracts/asyncapi/model.js";

export const CLOUDEVENTS_KEY = "x-cloudevents";

/** Attributes CloudEvents 1.0 defines; every other attribute is an extension. */
export const SPEC_ATTRIBUTES = new Set(["id", "source", "specversion", "type", "datacontenttype", "dataschema", "subject", "time", "data", "data_base64"]);

export interface CloudEventSpec {
  /** Where `x-cloudevents` is. */
  at: SchemaPointer;
  /** Every declared attribute with its value, in the order written. */
  attributes: Map<string, unknown>;
}

export const attributeAt = (spec: CloudEventSpec, name: string): SchemaPointer => (spec.attributes.has(name) ? child(spec.at, name) : spec.at);

export const extensionsOf = (spec: CloudEventSpec): string[] => [...spec.attributes.keys()].filter((name) => !SPEC_ATTRIBUTES.has(name));

/** The CloudEvents declaration of a message, if it is one. */
export function cloudEventOf(message: Message): CloudEventSpec | undefined {
  const value = message.message.value[CLOUDEVENTS_KEY];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return { at: placeOf(message.message, CLOUDEVENTS_KEY)!, attributes: new Map(Object.entries(value)) };
}

/** The attributes every event of a message carries, whether or not the message declares `x-cloudevents`. */
export interface EventAttributes {
  type: string;
  source: string;
  dataschema?: string;
  datacontenttype: string;
}

/**
 * What a generated producer sends a message's events with, and so what the docs' example event
 * shows: the declared attributes, else charter's defaults (a message not declared a CloudEvent
 * still travels as one, typed and sourced after the contract).
 */
export function eventAttributes(contractId: string, message: Message): EventAttributes {
  const declared = cloudEventOf(message)?.attributes;
  const attribute = (key: string) => (typeof declared?.get(key) === "string" ? String(declared.get(key)) : undefined);
  const dataschema = attribute("dataschema");
  return {
    type: attribute("type") ?? `${contractId}.${message.key}`,
    source: attribute("source") ?? contractId,
    ...(dataschema === undefined ? {} : { dataschema }),
    // A content type of cloudevents+json says how the event travels (structured mode), not what its data is.
    datacontenttype: message.contentType && !/cloudevents/i.test(message.contentType) ? message.contentType : message.avro ? "application/avro" : "application/json",
  };
}

/** `com.shop.order.paid.v1` → 1; undefined when the type carries no major version. */
export const majorOf = (type: string): number | undefined => {
  const match = /\.v(\d+)$/.exec(type);
  return match ? Number(match[1]) : undefined;
};
