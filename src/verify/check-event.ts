import { CloudEvent, HTTP, ValidationError } from "cloudevents";
import { avroSchemaOf } from "../contracts/asyncapi/avro-schema.js";
import { channelName, messageIdentity, type Action, type Channel, type Message } from "../contracts/asyncapi/model.js";
import type { AsyncApiContract } from "../contracts/contract.js";
import { CONFLUENT_SCHEMA_ID, parseConfluentSchemaId } from "../contracts/extensions/confluent-schema-id.js";
import { readDeclared } from "../contracts/extensions/declared.js";
import type { SchemaPointer } from "../contracts/schema-pointer.js";
import { eventAttributes } from "../compat/cloudevents/convention.js";
import { compileSchemaValidators, violationOf, type ValidateAt, type Violation } from "../http/validator.js";
import { essenceOf, isJsonMediaType } from "../http/wire.js";
import type { Snapshot } from "../registry/snapshot.js";
import type { VerifyRuleId } from "../rules/catalog.js";

/** A CloudEvent as it travelled: the address it came on (a NATS subject, an HTTP path's channel), its headers (lower case) and its bytes. */
export interface ReceivedEvent {
  address: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A channel the contract says events travel on in one direction, with the messages they may be. */
export interface EventChannel {
  channel: Channel;
  /** The channel's address (parameters as written, `{id}`). */
  address: string;
  messages: Message[];
}

/** Something wrong with an event: the rule, what to say, where in the contract, and its semantic key. */
export interface EventProblem {
  rule: VerifyRuleId;
  message: string;
  at: SchemaPointer;
  /** `order.paid.v1 OrderPaid #/amount`: address, message, and the pointer in the data where there is one. */
  element: string;
  /** The JSON pointer of the offending value (in the event for an attribute, in its data for the payload). */
  pointer?: string;
}

/** The judge of one contract's events in one direction: its channels, and a pure function of an event. */
export interface EventJudge {
  contract: AsyncApiContract;
  channels: EventChannel[];
  /** Whether a channel of the judge has the address. */
  covers(address: string): boolean;
  /** The event's problems; an empty list when it is one the contract declares, valid. Undefined when no channel has its address. */
  judge(event: ReceivedEvent): EventProblem[] | undefined;
}

/** A body that breaks its schema in many places is reported by its first violations. */
const MAX_VIOLATIONS = 10;

/**
 * The channels of the operations with `action` (what the application sends, or receives), each
 * with the messages its operations list, else every message of the channel.
 */
export function eventChannels(contract: AsyncApiContract, action: Action): EventChannel[] {
  const found = new Map<string, EventChannel>();
  for (const operation of contract.model.operations.values()) {
    const channel = operation.action === action ? contract.model.channels.get(operation.channel) : undefined;
    if (!channel) continue;
    const listed = [...channel.messages.values()].filter((m) => !operation.messages || operation.messages.includes(messageIdentity(m)));
    const entry = found.get(channel.id) ?? { channel, address: channelName(channel), messages: [] };
    for (const message of listed) if (!entry.messages.includes(message)) entry.messages.push(message);
    found.set(channel.id, entry);
  }
  return [...found.values()].filter((c) => c.messages.length);
}

/** Whether an address (`lights.{id}.measured`) covers a concrete one (`lights.7.measured`): a parameter stands for one or more characters. */
export function addressCovers(address: string, concrete: string): boolean {
  if (!address.includes("{")) return address === concrete;
  const pattern = address
    .split(/\{[^{}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^./]+");
  return new RegExp(`^${pattern}$`).test(concrete);
}

/** JSON Schema for the payload; an Avro payload is decoded by avsc instead. */
const jsonPayload = (message: Message): SchemaPointer | undefined => (message.avro ? undefined : message.payload);

/** The attributes CloudEvents 1.0 requires; the SDK makes up an `id` it is not given, so the event as sent is asked. */
const REQUIRED = ["id", "source", "specversion", "type"];

/**
 * The event decoded by the cloudevents SDK (binary mode: `ce-*` headers and the data as body;
 * structured mode: one `application/cloudevents+json` document), or why it is not a CloudEvent.
 */
function decode(received: ReceivedEvent): { event: CloudEvent<unknown> } | { violations: Violation[] } {
  const contentType = received.headers["content-type"] ?? "";
  const structured = essenceOf(contentType) === "application/cloudevents+json";
  const text = new TextDecoder().decode(received.body);
  let written: Record<string, unknown>;
  try {
    written = structured ? (JSON.parse(text) as Record<string, unknown>) : Object.fromEntries(Object.entries(received.headers).flatMap(([k, v]) => (k.startsWith("ce-") ? [[k.slice(3), v]] : [])));
  } catch (error) {
    return { violations: [{ pointer: "", message: `a structured event that is not JSON: ${(error as Error).message}` }] };
  }
  if (written === null || typeof written !== "object") return { violations: [{ pointer: "", message: "a structured event that is not a JSON object" }] };
  const missing = REQUIRED.filter((name) => !(name in written));
  if (missing.length) return { violations: missing.map((name) => ({ pointer: `/${name}`, message: `the required attribute ${structured ? name : `ce-${name}`} is missing` })) };
  // JSON and text data are read as text; other data (Avro) stays bytes, which the SDK keeps as data_base64.
  const textual = structured || isJsonMediaType(contentType) || /^text\//i.test(contentType);
  try {
    const event = HTTP.toEvent({ headers: received.headers, body: textual ? text : Buffer.from(received.body) }) as CloudEvent<unknown>;
    event.validate();
    return { event };
  } catch (error) {
    if (error instanceof ValidationError && Array.isArray(error.errors) && error.errors.length) {
      return { violations: error.errors.map((e) => (typeof e === "string" ? { pointer: "", message: e } : violationOf(e))) };
    }
    return { violations: [{ pointer: "", message: `not a CloudEvent the SDK reads: ${(error as Error).message}` }] };
  }
}

/** The event's data as bytes, however the SDK holds it. */
function bytesOf(event: CloudEvent<unknown>): Buffer | undefined {
  if (event.data_base64 !== undefined) return Buffer.from(event.data_base64, "base64");
  if (event.data instanceof Uint8Array) return Buffer.from(event.data);
  return typeof event.data === "string" ? Buffer.from(event.data, "utf8") : undefined;
}

/**
 * The judge of a contract's events in one direction (`send`: what a service under verify publishes;
 * `receive`: what a mock's sink is sent). An event is matched to its channel by address and to its
 * message by the CloudEvent `type` the message declares (`x-cloudevents`, else charter's default,
 * as the generated producer sends it), then checked: the required CloudEvents attributes and the
 * SDK's own schema; the declared `source` and `dataschema`; the data's content type; the data
 * against the payload schema (JSON Schema by ajv, with JSON pointers; Avro decoded by avsc).
 */
export function eventJudge(contract: AsyncApiContract, snapshot: Snapshot, action: Action): EventJudge {
  const channels = eventChannels(contract, action);
  const schemas = channels.flatMap((c) => c.messages.flatMap((m) => jsonPayload(m) ?? []));
  let validate: ValidateAt | undefined;
  const validateAt: ValidateAt = (at, value) => (validate ??= compileSchemaValidators(contract.schemas, snapshot, schemas, "draft-07"))(at, value);

  const judge = (received: ReceivedEvent): EventProblem[] | undefined => {
    const channel = channels.find((c) => addressCovers(c.address, received.address));
    if (!channel) return undefined;
    const decoded = decode(received);
    if ("violations" in decoded) {
      return decoded.violations.map((v) => ({
        rule: "event-attributes-invalid",
        message: `${channel.address}: an event that is not a valid CloudEvent${v.pointer ? ` at ${JSON.stringify(v.pointer)}` : ""}: ${v.message}`,
        at: channel.channel.channel.at,
        element: `${channel.address} attributes #${v.pointer}`,
        pointer: v.pointer,
      }));
    }
    const { event } = decoded;
    const message = channel.messages.find((m) => eventAttributes(contract.id, m).type === event.type);
    if (!message) {
      const types = channel.messages.map((m) => eventAttributes(contract.id, m).type).join(", ");
      return [{ rule: "event-type-undeclared", message: `${channel.address}: an event of type ${JSON.stringify(event.type)}, which no message of the channel declares (declared: ${types})`, at: channel.channel.channel.at, element: `${channel.address} type ${event.type}`, pointer: "/type" }];
    }
    const name = messageIdentity(message);
    const said = `${channel.address} ${name}`;
    const at = message.message.at;
    const problems: EventProblem[] = [];
    const expected = eventAttributes(contract.id, message);
    const attribute = (key: "source" | "dataschema", want: string | undefined) => {
      const got = event[key];
      if (want !== undefined && got !== want) {
        problems.push({ rule: "event-attributes-invalid", message: `${said}: attribute ${key} is ${got === undefined ? "missing" : JSON.stringify(got)}, where the message declares ${JSON.stringify(want)}`, at, element: `${said} attributes #/${key}`, pointer: `/${key}` });
      }
    };
    attribute("source", expected.source);
    attribute("dataschema", expected.dataschema);
    // CloudEvents: an event without datacontenttype carries JSON data.
    const contentType = event.datacontenttype ?? "application/json";
    if (essenceOf(contentType) !== essenceOf(expected.datacontenttype)) {
      problems.push({ rule: "event-attributes-invalid", message: `${said}: data of content type ${JSON.stringify(contentType)}, where the message declares ${JSON.stringify(expected.datacontenttype)}`, at, element: `${said} attributes #/datacontenttype`, pointer: "/datacontenttype" });
      return problems;
    }
    const violations = dataViolations(contract, message, event, validateAt);
    for (const v of violations.slice(0, MAX_VIOLATIONS)) {
      problems.push({ rule: "event-data-invalid", message: `${said}: data that breaks the message's payload schema at ${v.pointer ? JSON.stringify(v.pointer) : "its root"}: ${v.message}`, at, element: `${said} #${v.pointer}`, pointer: v.pointer });
    }
    if (violations.length > MAX_VIOLATIONS) {
      problems.push({ rule: "event-data-invalid", message: `${said}: data that breaks the message's payload schema in ${violations.length - MAX_VIOLATIONS} more places`, at, element: `${said} more` });
    }
    return problems;
  };
  return { contract, channels, covers: (address) => channels.some((c) => addressCovers(c.address, address)), judge };
}

/** An Avro message's Confluent Schema Registry id, when its events travel in Confluent's wire format (a malformed one is lint's to report). */
export const confluentSchemaIdOf = (message: Message): number | undefined => readDeclared(CONFLUENT_SCHEMA_ID, parseConfluentSchemaId, [], message.message)?.value;

/** The data's violations of the message's payload: JSON against its schema, Avro bytes by avsc (which decodes only what its schema wrote). */
function dataViolations(contract: AsyncApiContract, message: Message, event: CloudEvent<unknown>, validate: ValidateAt): Violation[] {
  if (message.avro) {
    const bytes = bytesOf(event);
    if (!bytes) return [{ pointer: "", message: "no Avro bytes in the event's data" }];
    const { type } = avroSchemaOf(contract, message.avro);
    const id = confluentSchemaIdOf(message);
    if (id !== undefined && !(bytes.length >= 5 && bytes[0] === 0 && bytes.readUInt32BE(1) === id)) return [{ pointer: "", message: `not in Confluent's wire format with schema id ${id}` }];
    try {
      type.fromBuffer(id === undefined ? bytes : bytes.subarray(5));
      return [];
    } catch (error) {
      return [{ pointer: "", message: `not Avro its schema reads: ${(error as Error).message}` }];
    }
  }
  const schema = jsonPayload(message);
  if (!schema) return [];
  if (event.data === undefined && event.data_base64 === undefined) return [{ pointer: "", message: "the event carries no data" }];
  if (event.data_base64 !== undefined || event.data instanceof Uint8Array) {
    const text = bytesOf(event)!.toString("utf8");
    try {
      return validate(schema, JSON.parse(text));
    } catch (error) {
      return [{ pointer: "", message: `data that is not JSON: ${(error as Error).message}` }];
    }
  }
  return validate(schema, event.data);
}
