/*
 * The event runtime of a charter-generated package: events.ts describes each message (CloudEvents
 * type and source, validators compiled at generate time, business key, enum fallbacks) and each
 * operation (channel, dead-letter channel, retry policy); this file turns that into producers and
 * consumers over a pluggable transport (events/http.ts, events/nats.ts, events/kafka.ts: each an entry
 * point of its own, `@charter/runtime/events/nats`, with its client library an optional peer dependency).
 *
 * Delivery is at least once: a consumer acknowledges a message only after its effect is committed or
 * it is dead-lettered, so a crash redelivers it. Each event's effect is applied once all the same:
 * the consumer keys every event by its operation and CloudEvents `source` + `id`, skips keys its
 * idempotency store has, and commits the key together with what the handler returned (see
 * IdempotencyStore).
 *
 * Defaults, used where the contract is silent:
 * - handler retries: 3 attempts, backoff 100 ms doubling to at most 2 s with full jitter (`x-charter-retry`);
 * - deliveries: at most 5 (`x-charter-retry.max-deliver`), counted here, then the message is dead-lettered;
 * - dead-letter channel: `<channel>.dlq` (`x-charter-dead-letter`).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { backoffMs, type RetryPolicy } from "./backoff.js";
import { childTraceparent } from "./traceparent.js";
import { CloudEvent, ValidationError } from "cloudevents";
import { entryPoint } from "./events/entry-point.js";
import { applicationHeaders, type HeaderKinds } from "./events/headers.js";

/** One problem ajv found, with the field it is about as a JSON pointer (`/amount`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Data or attributes that do not satisfy the contract; `problems` name each field. */
export class EventValidationError extends Error {
  constructor(readonly eventName: string, readonly problems: FieldProblem[]) {
    super(`${eventName} is invalid: ${problems.map((p) => `${p.field || "(root)"} ${p.message}`).join("; ")}`);
    this.name = "EventValidationError";
  }
}

/** An ajv standalone validator, as validators.ts exports them. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
}

/** An enum whose unknown values the contract maps to a fallback (`x-charter-enum-fallback`). */
export interface EnumFallback {
  /** Property names from the payload root; `*` for every item of an array or value of a map. */
  path: string[];
  values: unknown[];
  fallback: unknown;
}

/** What events.ts declares for one message. */
export interface MessageSpec<T> {
  name: string;
  type: string;
  source: string;
  dataschema?: string;
  datacontenttype: string;
  /** The payload property whose value is the partition key. */
  businessKey?: string;
  validateForProducer: CompiledValidator;
  validateForConsumer: CompiledValidator;
  /** The message's application headers (AsyncAPI `headers`), checked before sending, when it declares them. */
  validateHeadersForProducer?: CompiledValidator;
  /** The same headers as a consumer reads them (enum fallbacks allowed), with how each travels (headers.ts). */
  consumerHeaders?: { validate: CompiledValidator; kinds: HeaderKinds };
  enumFallbacks: EnumFallback[];
  /** How the data travels when it is not JSON: an Avro payload's codec (avro.ts). */
  codec?: PayloadCodec;
  /** Ties the spec to its payload type; never read. */
  readonly __type?: T;
}

/** Turns a payload into the bytes an event carries and back; `decode` throws on an event whose bytes it cannot read. */
export interface PayloadCodec {
  encode(data: unknown): Uint8Array;
  decode(event: CloudEvent<unknown>): unknown;
}

// The root entry point's, passed on: an event package and events/ take them from here.
export { backoffMs, childTraceparent };
export type { RetryPolicy };

/** What events.ts declares for one receive operation. */
export interface ReceiveSpec {
  operation: string;
  /** The channel's address; with parameters (`lights.{id}.measured`), it stands for every channel it matches. */
  channel: string;
  deadLetterChannel: string;
  retry: RetryPolicy;
  maxDeliver: number;
}

/** A CloudEvent on its way to a channel. */
export interface Outgoing {
  /** The channel's address: a NATS subject, a Kafka topic, an HTTP path. */
  channel: string;
  /** The address with parameters the channel was made from (`lights.{id}.measured`), so a broker can keep them together. */
  address?: string;
  event: CloudEvent<unknown>;
  /** The business key's value (also the `partitionkey` attribute): Kafka's record key, for ordering. */
  partitionKey?: string;
  /** The message's application headers, as text, sent beside the CloudEvents attributes. */
  headers?: Record<string, string>;
}

/** One message a transport received, not yet decoded. */
export interface Delivery {
  /** The channel it came on: a subscription to an address with parameters receives many. */
  channel?: string;
  /** The CloudEvent the message carries; throws when it carries none. */
  decode(): CloudEvent<unknown>;
  /** The message as received, for a dead letter when it cannot be decoded. */
  raw(): { headers: Record<string, string>; body: string };
  /**
   * 1 on the first delivery, counting the redeliveries the consumer may have seen (never tries that
   * did not reach it): past `maxDeliver`, the consumer dead-letters the message.
   */
  deliveryCount: number;
  /** Done with: the effect is committed, or the message was dead-lettered. */
  ack(): Promise<void>;
  /** Not done with: deliver it again later (the dead-letter channel was unreachable, or the store failed). */
  retryLater(delayMs: number): Promise<void>;
}

export interface SubscribeSpec {
  /** An address, with parameters (`lights.{id}.measured`) for every channel it matches: see addressPattern. */
  channel: string;
  /** A durable name shared by the instances of one consumer, so they split the messages. */
  group: string;
  /** How long the broker waits for an ack before redelivering. */
  ackWaitMs: number;
}

export interface Subscription {
  /** Stops taking messages and waits for the ones in hand to finish. */
  stop(): Promise<void>;
}

/**
 * Channel addresses with parameters (`lights.{lightId}.measured`). A parameter's value is one
 * segment: it holds no separator of NATS subjects, MQTT topics or paths (`.` `/`), no wildcard
 * (`*` `>` `#` `+`) and no space, so it can never reach another channel.
 */
const SEGMENT = "[^./*>#+\\s{}]+";
const PARAMETER = /\{([^{}]+)\}/g;

export const hasParameters = (address: string): boolean => /\{[^{}]+\}/.test(address);

/** The channels an address stands for, each parameter captured under its name. */
export function addressPattern(address: string): RegExp {
  // split() with a capturing group keeps the parameter names at odd places.
  const source = address.split(PARAMETER).map((part, i) => (i % 2 === 0 ? part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : `(${SEGMENT})`));
  return new RegExp(`^${source.join("")}$`);
}

/** The address with each parameter filled in; a value that is not one segment is refused, naming the parameter. */
export function fillAddress(address: string, parameters: Record<string, string | number | boolean>): string {
  const problems: FieldProblem[] = [];
  const channel = address.replace(PARAMETER, (_, name: string) => {
    const value = Object.hasOwn(parameters, name) ? String(parameters[name]) : undefined;
    if (value === undefined) problems.push({ field: name, message: "is missing" });
    else if (!new RegExp(`^${SEGMENT}$`).test(value)) problems.push({ field: name, message: `must be one segment of the address (no . / * > # + or space): ${JSON.stringify(value)}` });
    return value ?? "";
  });
  if (problems.length) throw new EventValidationError(`the parameters of ${address}`, problems);
  return channel;
}

/** The parameters of a channel an address stands for; undefined when it stands for another channel. */
export function parseAddress(address: string, channel: string): Record<string, string> | undefined {
  const match = addressPattern(address).exec(channel);
  if (!match) return undefined;
  const names = [...address.matchAll(PARAMETER)].map((m) => m[1]);
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1]]));
}

/** The seam between the generated code and a broker or protocol. */
export interface EventTransport {
  send(message: Outgoing): Promise<void>;
  subscribe(spec: SubscribeSpec, deliver: (delivery: Delivery) => Promise<void>): Promise<Subscription>;
  close(): Promise<void>;
}

/** A server of the contract: its protocol and a URL (`nats://host:port`, `http://host/path`, `kafka://host:port`). */
export interface ServerSpec {
  protocol: string;
  url: string;
}

/**
 * A transport for a server, by its protocol; it connects on first use, and loads only the client
 * library its protocol needs. Pass your own transport instead for credentials, TLS or tuning.
 */
export function transportFor(server: ServerSpec): EventTransport {
  let made: Promise<EventTransport> | undefined;
  const make = async (): Promise<EventTransport> => {
    switch (server.protocol) {
      case "nats":
        return (await entryPoint<typeof import("./events/nats.js")>(new URL("./events/nats.js", import.meta.url))).natsTransport({ servers: server.url.replace(/^nats:\/\//, "") });
      case "http":
      case "https": {
        const http = (await entryPoint<typeof import("./events/http.js")>(new URL("./events/http.js", import.meta.url))).httpTransport({ url: server.url });
        // A consumer needs a server to mount the transport's handler on, which only its caller has.
        const subscribe = () => Promise.reject(new Error("an HTTP consumer needs a server: pass transport: httpTransport(…) and mount its handler"));
        return { send: (message) => http.send(message), subscribe, close: () => http.close() };
      }
      case "kafka":
        return (await entryPoint<typeof import("./events/kafka.js")>(new URL("./events/kafka.js", import.meta.url))).kafkaTransport({ brokers: [server.url.replace(/^kafka:\/\//, "")], clientId: "charter" });
      case "kafka-secure":
        throw new Error("a kafka-secure server needs TLS (and SASL) settings: pass transport: kafkaTransport({ kafka }) with a kafkajs client configured for them");
      default:
        throw new Error(`no transport for protocol ${JSON.stringify(server.protocol)}: pass one of your own`);
    }
  };
  const transport = () => (made ??= make());
  return {
    send: async (message) => (await transport()).send(message),
    subscribe: async (spec, deliver) => (await transport()).subscribe(spec, deliver),
    close: async () => {
      if (made) await (await made).close();
    },
  };
}

/**
 * Where a consumer remembers the events it has handled, keyed by operation, CloudEvents `source` and
 * `id`. A handler's effect is what it returns, and `commit` records it with its key as one write:
 * both are there or neither is. So an event's effect is applied exactly once across crashes and
 * redeliveries, and across consumer instances too when `commit` is a conditional insert that fails
 * for a key already there. Over a database: insert the effect (your own rows) and the key in one
 * transaction, with the key unique (postgres.ts's inbox does, for Postgres).
 */
export interface IdempotencyStore {
  /** Whether an event's effect is committed already. */
  has(key: string): Promise<boolean>;
  /** Records the key with the effect unless the key is there; false when it was (another instance won). */
  commit(key: string, effect: unknown): Promise<boolean>;
  close(): Promise<void>;
}

/** Forgets everything when the process ends: de-duplicates redeliveries within one run. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly effects = new Map<string, unknown>();
  async has(key: string): Promise<boolean> {
    return this.effects.has(key);
  }
  async commit(key: string, effect: unknown): Promise<boolean> {
    if (this.effects.has(key)) return false;
    this.effects.set(key, effect);
    return true;
  }
  async close(): Promise<void> {}
}

/**
 * A JSON-lines file, one `{"key","effect"}` record per handled event, each written with a single
 * `write` to a file opened for appending, so a killed process leaves whole records or none; a torn
 * last line (a power cut) is ignored on open. `fsync: true` also survives power loss, at the price
 * of a disk flush per event. One process per file: the file is read once, when the store opens. It
 * keeps every record: rotate it (a new file per period, checking the last one too) where events
 * cannot come back after a while.
 */
export class FileIdempotencyStore implements IdempotencyStore {
  readonly effects = new Map<string, unknown>();
  private fd: number;

  constructor(readonly path: string, private readonly options: { fsync?: boolean } = {}) {
    const text = existsSync(path) ? readFileSync(path, "utf8") : "";
    for (const line of text.split("\n")) {
      try {
        const record = JSON.parse(line) as { key: string; effect: unknown };
        this.effects.set(record.key, record.effect);
      } catch {
        // A torn or empty line: its event was not committed and will be handled again.
      }
    }
    this.fd = openSync(path, "a");
    // Start clean after a torn line, so the next record is a line of its own.
    if (text !== "" && !text.endsWith("\n")) writeSync(this.fd, "\n");
  }

  async has(key: string): Promise<boolean> {
    return this.effects.has(key);
  }

  async commit(key: string, effect: unknown): Promise<boolean> {
    if (this.effects.has(key)) return false;
    const line = Buffer.from(`${JSON.stringify({ key, effect: effect ?? null })}\n`);
    // A short write would leave a torn record that the next line glues onto: fail instead.
    if (writeSync(this.fd, line) !== line.length) throw new Error(`${this.path}: short write`);
    if (this.options.fsync) fsyncSync(this.fd);
    this.effects.set(key, effect);
    return true;
  }

  async close(): Promise<void> {
    closeSync(this.fd);
  }
}

/**
 * The W3C trace context an event continues (the CloudEvents distributed-tracing extension). A
 * handler may publish with a producer generated into another --out folder, whose runtime is another
 * copy of this file: they share one store through a global symbol.
 */
const TRACE = Symbol.for("charter.events.trace-context");
const traceContext: AsyncLocalStorage<{ traceparent: string; tracestate?: string }> = ((globalThis as Record<symbol, unknown>)[TRACE] ??= new AsyncLocalStorage()) as AsyncLocalStorage<{ traceparent: string; tracestate?: string }>;

/** The trace context a handler runs in, so events it publishes continue the trace. */
export function currentTrace(): { traceparent: string; tracestate?: string } | undefined {
  return traceContext.getStore();
}

/** Problems from ajv's errors, each naming its field. */
export function problemsOf(validate: CompiledValidator): FieldProblem[] {
  return (validate.errors ?? []).map((e) => {
    const missing = typeof e.params?.missingProperty === "string" ? `/${e.params.missingProperty}` : "";
    return { field: `${e.instancePath}${missing}`, message: e.message ?? "is invalid" };
  });
}

/** A CloudEvent, or an EventValidationError naming each attribute the SDK's own validation refused. */
function cloudEvent<T>(name: string, attributes: ConstructorParameters<typeof CloudEvent<T>>[0], strict: boolean): CloudEvent<T> {
  try {
    return new CloudEvent<T>(attributes, strict);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = (error.errors ?? [error.message]).map((e) =>
      typeof e === "string" ? { field: "", message: e } : { field: `attribute ${e.instancePath.slice(1)}`, message: e.message ?? "is invalid" },
    );
    throw new EventValidationError(`${name} (CloudEvents attributes)`, problems);
  }
}

export interface PublishOptions {
  /** The CloudEvents `subject`: what the event is about, within its source. */
  subject?: string;
  /** Defaults to a fresh UUID. Reuse an id only to send the very same event again. */
  id?: string;
  time?: Date;
  /** Continue this trace; by default the trace of the handler publishing, else a new one. */
  traceparent?: string;
  tracestate?: string;
  /** Further CloudEvents extension attributes (lower-case letters and digits). */
  extensions?: Record<string, string | number | boolean>;
  /** The application headers the message declares (AsyncAPI `headers`); producer methods type them. */
  headers?: Record<string, unknown>;
  /**
   * A database transaction (a `pg` client after `BEGIN`): the event is written to its outbox table
   * instead of sent, and exists only if the transaction commits; a relay sends it (postgres.ts).
   */
  tx?: OutboxTransaction;
}

/** What an outbox needs of a transaction: a `pg` client, or anything that queries like one. */
export interface OutboxTransaction {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

/** Specs whose fixed attributes (type, source, dataschema…) passed the SDK's validation once. */
const checkedSpecs = new WeakSet<MessageSpec<unknown>>();

/** A channel of an address with parameters, and the address. */
export interface AddressedChannel {
  channel: string;
  address: string;
}

/** The channel of an address with its parameters filled in. */
export const channelOf = (address: string, parameters: Record<string, string | number | boolean>): AddressedChannel => ({ channel: fillAddress(address, parameters), address });

/**
 * Validates, wraps in a CloudEvent (its data encoded by the spec's codec, if it has one) and sends; invalid data throws and nothing is sent.
 * `sendRetry` is the send operation's declared `x-charter-retry`: an outbox row keeps it, and the relay tries the event that often.
 */
export async function publish<T>(transport: EventTransport, to: string | AddressedChannel, spec: MessageSpec<T>, data: T, options: PublishOptions = {}, sendRetry?: RetryPolicy): Promise<CloudEvent<T>> {
  const { channel, address } = typeof to === "string" ? { channel: to, address: undefined } : to;
  if (!spec.validateForProducer(data)) throw new EventValidationError(spec.name, problemsOf(spec.validateForProducer));
  const validateHeaders = spec.validateHeadersForProducer;
  if (validateHeaders && !validateHeaders(options.headers ?? {})) throw new EventValidationError(`${spec.name} headers`, problemsOf(validateHeaders));
  const parent = options.traceparent ? options : currentTrace();
  const key = spec.businessKey === undefined ? undefined : (data as Record<string, unknown>)[spec.businessKey];
  const partitionKey = key === undefined || key === null ? undefined : String(key);
  // The SDK's validation of every attribute costs more than the rest of publishing. What the contract
  // fixes is checked on a spec's first event; what the caller adds, on every event that has it; what
  // this function makes (id, time, traceparent) is valid by construction.
  const strict = !checkedSpecs.has(spec) || options.id !== undefined || options.subject !== undefined || options.extensions !== undefined || options.tracestate !== undefined || options.traceparent !== undefined;
  // Assigned one by one, not spread from conditional literals: the same attributes in the same
  // order (an extension the caller names first keeps its place), without an object per attribute.
  const attributes: Record<string, unknown> = { ...options.extensions };
  attributes.specversion = "1.0";
  attributes.id = options.id ?? randomUUID();
  attributes.type = spec.type;
  attributes.source = spec.source;
  attributes.time = (options.time ?? new Date()).toISOString();
  attributes.datacontenttype = spec.datacontenttype;
  if (spec.dataschema) attributes.dataschema = spec.dataschema;
  if (options.subject) attributes.subject = options.subject;
  if (partitionKey !== undefined) attributes.partitionkey = partitionKey;
  attributes.traceparent = childTraceparent(parent?.traceparent);
  if (parent?.tracestate) attributes.tracestate = parent.tracestate;
  attributes.data = spec.codec ? spec.codec.encode(data) : data;
  const event = cloudEvent<T>(spec.name, attributes as ConstructorParameters<typeof CloudEvent<T>>[0], strict);
  checkedSpecs.add(spec);
  const headers = options.headers && Object.fromEntries(Object.entries(options.headers).filter(([, value]) => value !== undefined).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]));
  const message: Outgoing = { channel, event: event as CloudEvent<unknown>, partitionKey, ...(address ? { address } : {}), ...(headers ? { headers } : {}) };
  // Loaded only by producers that use an outbox.
  if (options.tx) return (await (await import("./events/postgres/outbox.js")).writeToOutbox(options.tx, message, sendRetry)) as CloudEvent<T>;
  await transport.send(message);
  return event;
}

/** What a handler learns besides the data. */
export interface HandlerContext<T, P = Record<string, string>> {
  event: CloudEvent<T>;
  /** The receive operation handling it, and the channel it came on: a database inbox keys its records by them. */
  operation: string;
  channel: string;
  /** The values of the channel's parameters, parsed from the channel the event came on. */
  parameters: P;
  /** The span this handling is, in the producer's trace. */
  traceparent: string;
  /** 1 on the first try of this delivery. */
  attempt: number;
  deliveryCount: number;
  /** The message's headers as received (names in lower case): the application headers among them. */
  headers: Record<string, string>;
}

/** Returns the effect to commit with the dedup record (see IdempotencyStore). */
export type EventHandler<T, P = Record<string, string>> = (data: T, context: HandlerContext<T, P>) => unknown;

export interface ConsumerOptions {
  transport: EventTransport;
  /** Defaults to one in memory: duplicates are then only caught within this process's life. */
  store?: IdempotencyStore;
  /** Where dead letters go; defaults to `transport`. */
  deadLetterTransport?: EventTransport;
  /** The durable consumer name; defaults to the contract id and operation. */
  group?: string;
  retry?: Partial<RetryPolicy>;
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Told of every dead letter and every failure it survives; silent by default. */
  onEvent?: (report: ConsumerReport) => void;
}

export type ConsumerReport =
  | { kind: "dead-lettered"; key?: string; reason: string }
  | { kind: "duplicate"; key: string }
  | { kind: "handled"; key: string }
  | { kind: "handler-failed"; key: string; attempt: number; error: unknown }
  | { kind: "commit-failed"; key: string; error: unknown }
  | { kind: "dead-letter-failed"; error: unknown };

/** The dead-letter extension attributes: why, and from which operation. */
const REASON = "deadletterreason";
const OPERATION = "deadletteroperation";

/** Each fallback's values as JSON text, made once per spec rather than per event. */
const knownValues = new WeakMap<EnumFallback, Set<string>>();

/** Unknown values of enums that declare a fallback become the fallback, in place. */
export function applyEnumFallbacks(data: unknown, fallbacks: EnumFallback[]): void {
  for (const fallback of fallbacks) {
    let known = knownValues.get(fallback);
    if (!known) knownValues.set(fallback, (known = new Set(fallback.values.map((value) => JSON.stringify(value)))));
    // An empty path names the payload itself, which has no parent to be replaced in.
    if (fallback.path.length) replaceUnknown(data, 0, fallback, known);
  }
}

/** The values `path[depth…]` reaches below `node` that are not `known` become the fallback. */
function replaceUnknown(node: unknown, depth: number, fallback: EnumFallback, known: Set<string>): void {
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  const step = fallback.path[depth];
  if (step === "*") for (const key of Object.keys(record)) replaceAt(record, key, depth + 1, fallback, known);
  else if (Object.hasOwn(record, step)) replaceAt(record, step, depth + 1, fallback, known);
}

function replaceAt(record: Record<string, unknown>, key: string, depth: number, fallback: EnumFallback, known: Set<string>): void {
  if (depth < fallback.path.length) replaceUnknown(record[key], depth, fallback, known);
  else if (!known.has(JSON.stringify(record[key]))) record[key] = fallback.fallback;
}

/**
 * Subscribes a handler: decode, check attributes and data, skip duplicates, run the handler with
 * retries, commit its effect with the dedup key, ack. What cannot be handled goes to the
 * dead-letter channel with its reason, and is acked only once the dead letter is sent.
 */
export async function consume<T, P>(options: ConsumerOptions, contractId: string, receive: ReceiveSpec, messages: MessageSpec<T>[], handler: EventHandler<T, P>): Promise<Subscription> {
  const store = options.store ?? new MemoryIdempotencyStore();
  const retry: RetryPolicy = { ...receive.retry, ...options.retry };
  const maxDeliver = options.maxDeliver ?? receive.maxDeliver;
  const report = options.onEvent ?? (() => undefined);
  const deadLetters = options.deadLetterTransport ?? options.transport;
  const byType = new Map(messages.map((m) => [m.type, m]));
  // Two deliveries of one event in hand at once (a redelivery overtaking a slow handler) must not both run.
  const inFlight = new Map<string, Promise<void>>();

  const parameterized = hasParameters(receive.channel);
  /** A delivery's parameters; undefined when it came on a channel the operation's address does not stand for. */
  const parametersOf = (delivery: Delivery): Record<string, string> | undefined =>
    parameterized ? (delivery.channel === undefined ? undefined : parseAddress(receive.channel, delivery.channel)) : {};

  const deadLetter = async (delivery: Delivery, why: string, event: CloudEvent<unknown> | undefined, key?: string) => {
    // One line: broker headers (NATS, HTTP) cannot carry line breaks, and SDK errors have them.
    const reason = why.replace(/\s+/g, " ").trim();
    try {
      const letter = event
        ? event.cloneWith({ [REASON]: reason, [OPERATION]: receive.operation }, false)
        : new CloudEvent({
            type: "dev.charter.deadletter.undecodable",
            source: `/charter/${contractId}/${receive.operation}`,
            datacontenttype: "application/json",
            [REASON]: reason,
            [OPERATION]: receive.operation,
            data: delivery.raw(),
          });
      // The dead-letter address may name the channel's parameters: the letter goes to the channel they make.
      const parameters = parametersOf(delivery) ?? {};
      const channel = receive.deadLetterChannel.replace(/\{([^{}]+)\}/g, (_, name: string) => parameters[name] ?? "_");
      await deadLetters.send({ channel, event: letter, ...(channel !== receive.deadLetterChannel ? { address: receive.deadLetterChannel } : {}) });
      report({ kind: "dead-lettered", key, reason });
      await delivery.ack();
    } catch (error) {
      report({ kind: "dead-letter-failed", error });
      // Later each time, so an unreachable dead-letter channel is not hammered.
      await delivery.retryLater(retry.initialMs + backoffMs(retry, delivery.deliveryCount));
    }
  };

  const handle = async (delivery: Delivery, event: CloudEvent<unknown>, key: string, parameters: Record<string, string>): Promise<void> => {
    const spec = byType.get(event.type);
    if (!spec) return deadLetter(delivery, `type ${JSON.stringify(event.type)} is not one this operation receives (${[...byType.keys()].join(", ")})`, event, key);
    if (!within(event.source, spec.source)) return deadLetter(delivery, `source ${JSON.stringify(event.source)} is not ${JSON.stringify(spec.source)} or below it`, event, key);
    if (await store.has(key)) {
      report({ kind: "duplicate", key });
      return delivery.ack();
    }
    if (delivery.deliveryCount > maxDeliver) return deadLetter(delivery, `delivered ${delivery.deliveryCount} times without being handled`, event, key);
    let parsed: unknown;
    try {
      parsed = spec.codec ? spec.codec.decode(event) : typeof event.data === "string" && /json/i.test(event.datacontenttype ?? "") ? safeJson(event.data) : event.data;
    } catch (error) {
      return deadLetter(delivery, `${spec.name} data cannot be decoded: ${(error as Error).message}`, event, key);
    }
    // Fallbacks rewrite the data in place: a copy, so a dead letter carries what was sent.
    const data = spec.enumFallbacks.length && parsed === event.data ? structuredClone(parsed) : parsed;
    applyEnumFallbacks(data, spec.enumFallbacks);
    if (!spec.validateForConsumer(data)) return deadLetter(delivery, new EventValidationError(spec.name, problemsOf(spec.validateForConsumer)).message, event, key);
    // Invalid headers are invalid data: dead-lettered like a payload.
    const declared = spec.consumerHeaders;
    if (declared && !declared.validate(applicationHeaders(delivery.raw().headers, declared.kinds))) return deadLetter(delivery, new EventValidationError(`${spec.name} headers`, problemsOf(declared.validate)).message, event, key);

    // Built when a handler asks for it: a CloudEvent per event costs more than the handler often does.
    let typed: CloudEvent<T> | undefined;
    const typedEvent = () => (typed ??= (data === event.data ? event : event.cloneWith({ data }, false)) as CloudEvent<T>);
    const traceparent = childTraceparent(typeof event.traceparent === "string" ? event.traceparent : undefined);
    const tracestate = typeof event.tracestate === "string" ? event.tracestate : undefined;
    let effect: unknown;
    for (let attempt = 1; ; attempt += 1) {
      try {
        effect = await traceContext.run({ traceparent, tracestate }, () =>
          handler(data as T, {
            get event() {
              return typedEvent();
            },
            operation: receive.operation,
            channel: delivery.channel ?? receive.channel,
            parameters: parameters as P,
            traceparent,
            attempt,
            deliveryCount: delivery.deliveryCount,
            headers: delivery.raw().headers,
          }),
        );
        break;
      } catch (error) {
        report({ kind: "handler-failed", key, attempt, error });
        if (attempt >= retry.attempts) return deadLetter(delivery, `handler failed ${attempt} time(s): ${(error as Error)?.message ?? String(error)}`, event, key);
        await sleep(backoffMs(retry, attempt - 1));
      }
    }
    let committed: boolean;
    try {
      committed = await store.commit(key, effect);
    } catch (error) {
      // Nothing is committed, so nothing is lost: the event comes again and its handler runs again.
      report({ kind: "commit-failed", key, error });
      return delivery.retryLater(retry.initialMs + backoffMs(retry, delivery.deliveryCount));
    }
    // Not committed: another instance handled the event meanwhile, and its effect is the one kept.
    report(committed ? { kind: "handled", key } : { kind: "duplicate", key });
    return delivery.ack();
  };

  return options.transport.subscribe(
    {
      channel: receive.channel,
      group: options.group ?? `${contractId}.${receive.operation}`.replace(/[^A-Za-z0-9_-]+/g, "_"),
      ackWaitMs: options.ackWaitMs ?? 30_000,
    },
    async (delivery) => {
      const parameters = parametersOf(delivery);
      // A broker wildcard can be wider than the address (NATS `*` takes a whole token): another channel's messages are not this operation's.
      if (!parameters) return delivery.ack();
      let event: CloudEvent<unknown>;
      try {
        event = delivery.decode();
      } catch (error) {
        return deadLetter(delivery, `not a CloudEvent: ${(error as Error).message}`, undefined);
      }
      if (!carriesId(delivery)) return deadLetter(delivery, "the event has no id, so it cannot be de-duplicated", undefined);
      // Scoped by operation: two operations of one consumer may share a store and receive one event.
      const key = `${receive.operation} ${event.source} ${event.id}`;
      const before = inFlight.get(key);
      // The earlier delivery's failure is its own: this one still runs.
      const run = before ? before.catch(() => undefined).then(() => handle(delivery, event, key, parameters)) : handle(delivery, event, key, parameters);
      inFlight.set(key, run);
      try {
        await run;
      } finally {
        if (inFlight.get(key) === run) inFlight.delete(key);
      }
    },
  );
}

/** A source is the contract's, or a path below it (`/shop/orders/eu-1` for `/shop/orders`): one producer may run as many instances. */
function within(source: string, declared: string): boolean {
  return source === declared || source.startsWith(declared.endsWith("/") ? declared : `${declared}/`);
}

/**
 * The SDK makes up an id for an event without one, which would defeat de-duplication: look at the
 * message itself, the `ce-id` (`ce_id` in Kafka) header in binary mode, the JSON's `id` in structured.
 */
function carriesId(delivery: Delivery): boolean {
  const { headers, body } = delivery.raw();
  if (headers["ce-id"] !== undefined || headers["ce_id"] !== undefined) return true;
  if (!/^application\/cloudevents\+json/i.test(headers["content-type"] ?? "")) return false;
  const parsed = safeJson(body);
  return typeof parsed === "object" && parsed !== null && typeof (parsed as { id?: unknown }).id === "string";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
