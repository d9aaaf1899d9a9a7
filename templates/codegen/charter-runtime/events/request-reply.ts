/*
 * Request/reply (an AsyncAPI 3.0 operation's `reply`) for a charter-generated package: replies.ts
 * gives each such operation a typed `request` (the requester sends a request and waits for its one
 * reply) and a typed responder (the replier answers each request with what its handler returns).
 *
 * Requests and replies are CloudEvents, built and validated as events are (events.ts, publish):
 * an invalid request is not sent, a reply is checked on both sides, and a request the responder
 * cannot answer (invalid, of an unknown type, or its handler failed) comes back as a RequestError
 * naming why. There is no queue and no retry: a requester that gets no reply in time is told so.
 *
 * Transports: NATS (nats-reply.ts, core request/reply: replies go to the request's
 * inbox, which is what an address like `$message.header#/replyTo` stands for) and HTTP
 * (http-reply.ts, the reply is the response). Kafka has no request/reply here.
 */
import { CloudEvent } from "cloudevents";
import { entryPoint } from "./entry-point.js";
import { applicationHeaders } from "./headers.js";
import {
  applyEnumFallbacks,
  EventValidationError,
  hasParameters,
  parseAddress,
  problemsOf,
  publish,
  type AddressedChannel,
  type MessageSpec,
  type Outgoing,
  type PublishOptions,
  type ServerSpec,
  type Subscription,
} from "../events.js";

/** A request or reply as a transport received it, not yet decoded. */
export interface Incoming {
  /** The channel it came on (a responder on an address with parameters receives many). */
  channel?: string;
  /** The message's headers, names in lower case. */
  headers: Record<string, string>;
  /** The CloudEvent it carries; throws when it carries none. */
  decode(): CloudEvent<unknown>;
  /** Set on a reply when the responder refused the request: why. */
  refused?: string;
}

/** What a responder sends back: a reply, or why it has none. */
export type Answer = { reply: Outgoing } | { refused: string };

/** The seam between replies.ts and a transport that can answer a message. */
export interface RequestTransport {
  /** Sends a request and waits for its one reply, at most `timeoutMs`. */
  request(message: Outgoing, timeoutMs: number): Promise<Incoming>;
  /** Answers every request on an address (parameters stand for any value) with what `answer` resolves to. */
  serve(spec: { channel: string; group: string }, answer: (request: Incoming) => Promise<Answer>): Promise<Subscription>;
  close(): Promise<void>;
}

/** No reply came: the responder refused the request (`reason`), or none answered in time. */
export class RequestError extends Error {
  constructor(readonly operation: string, readonly reason: string) {
    super(`${operation}: ${reason}`);
    this.name = "RequestError";
  }
}

export interface RequestOptions extends PublishOptions {
  /** How long to wait for the reply; 10 s by default. */
  timeoutMs?: number;
}

/** A reply as the requester gets it: its data, checked against the contract, and which message it is. */
export interface ReplyOf<R> {
  data: R;
  /** The reply message's name (the contract lets some operations answer with one of several). */
  message: string;
  event: CloudEvent<R>;
}

/** What a responder's handler learns besides the request's data. */
export interface RequestContext<T, P = Record<string, string>> {
  event: CloudEvent<T>;
  /** The values of the request channel's parameters. */
  parameters: P;
  /** The request's headers (names in lower case). */
  headers: Record<string, string>;
}

/** Returns the reply's data; throwing refuses the request with the error's message. */
export type RequestHandler<T, R, P = Record<string, string>> = (data: T, context: RequestContext<T, P>) => R | Promise<R>;

/** What replies.ts declares for one operation with a reply. */
export interface ReplySpec<R> {
  operation: string;
  /** The request channel's address. */
  channel: string;
  replies: MessageSpec<R>[];
}

/** The message publish() would send, built and validated the same way, but handed back instead of sent. */
async function built<T>(to: string | AddressedChannel, spec: MessageSpec<T>, data: T, options: PublishOptions): Promise<Outgoing> {
  let message: Outgoing | undefined;
  const capture = { send: async (m: Outgoing) => void (message = m), subscribe: () => Promise.reject(new Error("not a transport")), close: async () => undefined };
  await publish(capture, to, spec, data, options);
  return message!;
}

/** An event's data as the contract reads it (JSON text parsed, enum fallbacks applied), or the problems that make it or its headers invalid. */
function readData<T>(event: CloudEvent<unknown>, headers: Record<string, string>, spec: MessageSpec<T>): { data: T } | { invalid: string } {
  let data = event.data;
  if (typeof data === "string" && /json/i.test(event.datacontenttype ?? "")) {
    try {
      data = JSON.parse(data);
    } catch {
      return { invalid: `${spec.name}: its data is not JSON` };
    }
  } else if (spec.enumFallbacks.length) {
    // Fallbacks rewrite in place: a copy, so the event keeps what was sent.
    data = structuredClone(data);
  }
  applyEnumFallbacks(data, spec.enumFallbacks);
  if (!spec.validateForConsumer(data)) return { invalid: new EventValidationError(spec.name, problemsOf(spec.validateForConsumer)).message };
  const declared = spec.consumerHeaders;
  if (declared && !declared.validate(applicationHeaders(headers, declared.kinds))) return { invalid: new EventValidationError(`${spec.name} headers`, problemsOf(declared.validate)).message };
  return { data: data as T };
}

const specFor = <T>(specs: MessageSpec<T>[], type: string) => specs.find((spec) => spec.type === type);

/** Sends a request (validated like an event: invalid data throws and nothing is sent) and returns its reply, checked against the contract. */
export async function request<T, R>(transport: RequestTransport, operation: ReplySpec<R>, to: string | AddressedChannel, spec: MessageSpec<T>, data: T, options: RequestOptions = {}): Promise<ReplyOf<R>> {
  const message = await built(to, spec, data, options);
  let answer: Incoming;
  try {
    answer = await transport.request(message, options.timeoutMs ?? 10_000);
  } catch (error) {
    throw new RequestError(operation.operation, `no reply: ${(error as Error).message}`);
  }
  if (answer.refused !== undefined) throw new RequestError(operation.operation, `refused: ${answer.refused}`);
  const event = answer.decode();
  const replySpec = specFor(operation.replies, event.type);
  if (!replySpec) throw new RequestError(operation.operation, `the reply's type ${JSON.stringify(event.type)} is none of ${operation.replies.map((r) => r.type).join(", ")}`);
  const read = readData(event, answer.headers, replySpec);
  if ("invalid" in read) throw new RequestError(operation.operation, `invalid reply: ${read.invalid}`);
  return { data: read.data, message: replySpec.name, event: (read.data === event.data ? event : event.cloneWith({ data: read.data }, false)) as CloudEvent<R> };
}

/**
 * Answers each request of an operation: decode, check the request, run the handler, and reply
 * with what it returns, as the one reply message that accepts it (the contract's order decides
 * between several). Anything else is refused, with its reason, so the requester is not left waiting.
 */
export async function serve<T, R, P>(transport: RequestTransport, group: string, operation: ReplySpec<R>, requests: MessageSpec<T>[], handler: RequestHandler<T, R, P>): Promise<Subscription> {
  const parameterized = hasParameters(operation.channel);
  return transport.serve({ channel: operation.channel, group }, async (incoming): Promise<Answer> => {
    const parameters = parameterized ? incoming.channel && parseAddress(operation.channel, incoming.channel) : {};
    if (!parameters) return { refused: `channel ${JSON.stringify(incoming.channel)} is not one of ${operation.channel}` };
    let event: CloudEvent<unknown>;
    try {
      event = incoming.decode();
    } catch (error) {
      return { refused: `not a CloudEvent: ${(error as Error).message}` };
    }
    const spec = specFor(requests, event.type);
    if (!spec) return { refused: `type ${JSON.stringify(event.type)} is not one this operation answers (${requests.map((r) => r.type).join(", ")})` };
    const read = readData(event, incoming.headers, spec);
    if ("invalid" in read) return { refused: read.invalid };
    let result: R;
    try {
      const typed = (read.data === event.data ? event : event.cloneWith({ data: read.data }, false)) as CloudEvent<T>;
      result = await handler(read.data, { event: typed, parameters: parameters as P, headers: incoming.headers });
    } catch (error) {
      return { refused: `handler failed: ${(error as Error)?.message ?? String(error)}` };
    }
    const replySpec = operation.replies.length === 1 ? operation.replies[0] : operation.replies.find((r) => r.validateForProducer(result));
    if (!replySpec) return { refused: `the handler's reply is none of ${operation.replies.map((r) => r.name).join(", ")}` };
    try {
      // The reply continues the request's trace.
      const traceparent = typeof event.traceparent === "string" ? event.traceparent : undefined;
      return { reply: await built(incoming.channel ?? operation.channel, replySpec, result, { traceparent }) };
    } catch (error) {
      return { refused: `invalid reply: ${(error as Error).message}` };
    }
  });
}

/** A request transport for a server, by its protocol, connected on first use. */
export function requestTransportFor(server: ServerSpec): RequestTransport {
  let made: Promise<RequestTransport> | undefined;
  const make = async (): Promise<RequestTransport> => {
    switch (server.protocol) {
      case "nats":
        return (await entryPoint<typeof import("./nats-reply.js")>(new URL("./nats-reply.js", import.meta.url))).natsRequestTransport({ servers: server.url.replace(/^nats:\/\//, "") });
      case "http":
      case "https": {
        const http = (await entryPoint<typeof import("./http-reply.js")>(new URL("./http-reply.js", import.meta.url))).httpRequestTransport({ url: server.url });
        const serve = () => Promise.reject(new Error("an HTTP responder needs a server: pass transport: httpRequestTransport(…) and mount its handler"));
        return { request: (message, timeoutMs) => http.request(message, timeoutMs), serve, close: () => http.close() };
      }
      default:
        throw new Error(`no request/reply transport for protocol ${JSON.stringify(server.protocol)}: pass one of your own`);
    }
  };
  const transport = () => (made ??= make());
  return {
    request: async (message, timeoutMs) => (await transport()).request(message, timeoutMs),
    serve: async (spec, answer) => (await transport()).serve(spec, answer),
    close: async () => {
      if (made) await (await made).close();
    },
  };
}
