/*
 * CloudEvents over HTTP (webhooks): `send` POSTs each event to the receiver's URL for its channel,
 * and `handler` is a `node:http` request listener that serves the channels subscribed, one path
 * each (`/order.paid.v1` by default). Events are encoded in binary mode (attributes in `ce-*`
 * headers, data as the body; the default) as binary-mode.ts builds it, or in structured mode (the
 * whole event as `application/cloudevents+json`) by the cloudevents SDK, which also decodes both.
 *
 * HTTP has no broker: the sender is the queue. It retries network errors, 408, 429 and 5xx with
 * backoff (honouring `Retry-After` up to `maxRetryAfterMs`), so an event is redelivered only while its sender keeps trying;
 * a sender that dies mid-retry loses it unless it keeps its own outbox. Other statuses are final.
 *
 * The receiver answers:
 * - 204 once the consumer acks (its effect is committed, or the event was dead-lettered);
 * - 503 with `Retry-After` when the consumer asks for the event again later, and for a channel
 *   whose subscription has stopped (it may be restarting);
 * - 500 when the consumer throws; 401 for a missing, bad or stale signature; 404 for a path with
 *   no subscription; 405 for a method other than POST; 413 for a body over the limit.
 *
 * Headers besides the CloudEvents ones:
 * - `webhook-delivery-count`: the receiver's `deliveryCount`, 1 on the first delivery (and when
 *   absent, as from other senders). Like a broker's, it counts the tries the consumer may have
 *   seen: those it answered (the handler marks its answers `webhook-delivered: true`) and those
 *   cut off after connecting (a consumer crashing mid-event). Refused connections and a proxy's
 *   502s while the consumer restarts do not count, or a long outage would dead-letter good events;
 * - `webhook-delivered: true` on the handler's answers once the consumer has had the event;
 * - with a `secret`, as Standard Webhooks specifies: `webhook-id` (the event's source and id,
 *   percent-encoded, a space between), `webhook-timestamp` (unix seconds, fresh on every try) and
 *   `webhook-signature` (`v1,<base64 HMAC-SHA256 of "<webhook-id>.<timestamp>.<body>">`, by the
 *   official `standardwebhooks` package, which reads the body as UTF-8 text). The
 *   signature covers the body only, so in binary mode the receiver also requires `webhook-id` to be
 *   `ce-source` and `ce-id`: the consumer's dedup key is signed, and a replayed request cannot pass
 *   as another event. The other `ce-*` headers are not signed; use structured mode when every
 *   attribute must be tamper-proof.
 */
import { timingSafeEqual } from "node:crypto";
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import { retryAfterMs } from "../retry-after.js";
import { CloudEvent, HTTP } from "cloudevents";
import { Webhook } from "standardwebhooks";
import { binaryMessage } from "./binary-mode.js";
import { addressPattern, backoffMs, hasParameters, type Delivery, type EventTransport, type Outgoing, type RetryPolicy, type SubscribeSpec, type Subscription } from "../events.js";

export interface HttpTransportOptions {
  /** The receiver's base URL, for sending; each channel's path is appended to it. */
  url?: string;
  /** Full URLs for channels that are sent elsewhere than `url`, by channel. */
  endpoints?: Record<string, string>;
  /** A channel's URL path, the same on both sides; `/<channel>` by default. */
  path?: (channel: string) => string;
  /** `binary` (the default) or `structured` content mode, for sending; the handler takes both. */
  mode?: "binary" | "structured";
  /**
   * The webhook signing key: sends are signed with it, and the handler refuses requests that are
   * not. A `whsec_…` string is base64 after the prefix, as Standard Webhooks issues keys; any other
   * string is taken as its UTF-8 bytes.
   */
  secret?: string | Buffer;
  /** How far a signature's timestamp may be from the receiver's clock, either way; 5 minutes by default. */
  replayWindowMs?: number;
  /** Tries per event (the first included) and their backoff; 5 tries, 100 ms doubling to 5 s, by default. */
  retry?: Partial<RetryPolicy>;
  /** The longest a `Retry-After` makes the sender wait before its next try (a longer one is cut to this); 10 s by default. */
  maxRetryAfterMs?: number;
  /** How long one try may take, answer included; 10 s by default. */
  timeoutMs?: number;
  /** Connections kept open per receiver; 64 by default. */
  maxSockets?: number;
  /** The largest request body the handler reads; 1 MiB by default. */
  maxBodyBytes?: number;
}

export interface HttpTransport extends EventTransport {
  /** Serves the subscribed channels: plug it into your own `http.createServer` (or https). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A send the receiver refused for good, or that ran out of tries. */
export class HttpDeliveryError extends Error {
  constructor(message: string, readonly status: number | undefined, readonly attempts: number) {
    super(message);
    this.name = "HttpDeliveryError";
  }
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialMs: 100, maxMs: 5_000 };
const DELIVERY_COUNT = "webhook-delivery-count";
const DELIVERED = "webhook-delivered";

/** What one try came to: an answer, or the error it failed with; `delivered` if the consumer may have had the event. */
type Try = { status: number; retryAfter?: string; text: string; delivered: boolean } | { status?: undefined; error: Error; delivered: boolean };

/** One channel's subscription: its consumer, and the requests it is handling (for `stop`). */
interface Route {
  deliver: (delivery: Delivery) => Promise<void>;
  inFlight: Set<Promise<void>>;
}

export function httpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const mode = options.mode ?? "binary";
  const pathOf = options.path ?? ((channel: string) => `/${encodeURIComponent(channel)}`);
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const replayWindowMs = options.replayWindowMs ?? 5 * 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  // A stopped channel stays known, so its senders hear "later" (503) rather than "never" (404).
  const routes = new Map<string, Route | "stopped">();

  /** One try: its answer, or the error it failed with; never rejects. */
  const post = (url: URL, headers: Record<string, string>, body: Buffer) =>
    new Promise<Try>((resolve) => {
      const https = url.protocol === "https:";
      let connected = false;
      const fail = (error: Error) => {
        clearTimeout(timer);
        resolve({ error, delivered: connected });
      };
      const request = (https ? httpsRequest : httpRequest)(url, { method: "POST", headers: { ...headers, "content-length": String(body.length) }, agent: https ? agents.https : agents.http }, (response) => {
        // Only the start of an error's body is worth quoting; the rest is drained so the connection is reused.
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text = text.length < 300 ? text + chunk : text));
        response.on("end", () => {
          clearTimeout(timer);
          const { statusCode: status = 0, headers: answer } = response;
          resolve({ status, retryAfter: answer["retry-after"], text: text.slice(0, 300).trim(), delivered: answer[DELIVERED] === "true" });
        });
        response.on("error", fail);
        response.on("close", () => fail(new Error("the answer was cut off")));
      });
      request.on("socket", (socket) => {
        if (request.reusedSocket || !socket.connecting) connected = true;
        else socket.once(https ? "secureConnect" : "connect", () => (connected = true));
      });
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      request.on("error", fail);
      request.end(body);
    });

  const send = async ({ channel, event, headers: application }: Outgoing): Promise<void> => {
    const target = options.endpoints?.[channel] ?? (options.url === undefined ? undefined : `${options.url.replace(/\/+$/, "")}${pathOf(channel)}`);
    if (target === undefined) throw new Error(`httpTransport has no URL for channel ${channel}: set options.url or options.endpoints[${JSON.stringify(channel)}]`);
    const url = new URL(target);
    const message = mode === "binary" ? binaryMessage(event) : HTTP.structured(event);
    const body = bytesOf(message.body);
    const headers: Record<string, string> = { ...application };
    for (const [name, value] of Object.entries(message.headers)) {
      if (value !== undefined) headers[name] = name.startsWith("ce-") ? percentEncode(String(value)) : String(value);
    }
    let deliveries = 0;
    for (let attempt = 1; ; attempt += 1) {
      const signature = options.secret === undefined ? {} : signWebhook(options.secret, webhookIdOf(event.source, event.id), body);
      const result = await post(url, { ...headers, ...signature, [DELIVERY_COUNT]: String(deliveries + 1) }, body);
      if (result.delivered) deliveries += 1;
      const { status } = result;
      if (status !== undefined && status >= 200 && status < 300) return;
      const failure = status === undefined ? result.error.message : `${status}${result.text ? ` ${result.text}` : ""}`;
      if (status !== undefined && !(status === 408 || status === 429 || status >= 500)) {
        throw new HttpDeliveryError(`POST ${target} (event ${event.id}) was refused: ${failure}`, status, attempt);
      }
      if (attempt >= retry.attempts) throw new HttpDeliveryError(`POST ${target} (event ${event.id}) failed ${attempt} time(s), last: ${failure}`, status, attempt);
      const asked = status === undefined ? undefined : retryAfterMs(result.retryAfter);
      await sleep(asked === undefined ? backoffMs(retry, attempt - 1) : Math.min(asked, options.maxRetryAfterMs ?? 10_000));
    }
  };

  // Subscriptions to addresses with parameters, tried in turn on a path no channel has: the default path only (`/<channel>`).
  const patterns: { pattern: RegExp; path: string }[] = [];
  const routeOf = (path: string): { route: Route | "stopped" | undefined; channel?: string } => {
    const exact = routes.get(path);
    if (exact !== undefined || !patterns.length) return { route: exact };
    let channel: string;
    try {
      channel = decodeURIComponent(path.slice(1));
    } catch {
      return { route: undefined };
    }
    const found = patterns.find(({ pattern }) => pattern.test(channel));
    return found ? { route: routes.get(found.path), channel } : { route: undefined };
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, route: Route, channel: string | undefined): Promise<void> => {
    if (Number(req.headers["content-length"]) > maxBodyBytes) return reply(res, 413, `the body is over ${maxBodyBytes} bytes`, { connection: "close" });
    const body = await readBody(req, maxBodyBytes);
    if (!body) return reply(res, 413, `the body is over ${maxBodyBytes} bytes`, { connection: "close" });
    if (options.secret !== undefined) {
      const problem = verifyWebhook(options.secret, req.headers, body, { replayWindowMs });
      if (problem) return reply(res, 401, problem);
      // The signature covers webhook-id but not the ce-* headers: bind the dedup key (source, id) to it.
      if (req.headers["ce-id"] !== undefined && req.headers["webhook-id"] !== `${req.headers["ce-source"]} ${req.headers["ce-id"]}`) {
        return reply(res, 401, "webhook-id is not ce-source and ce-id");
      }
    }
    const count = Number(req.headers[DELIVERY_COUNT]);
    // Tells the sender this try counts as a delivery (see the file's comment).
    const delivered = { [DELIVERED]: "true" };
    const delivery: Delivery = {
      ...(channel !== undefined ? { channel } : {}),
      decode: () => decodeEvent(req.headers, body),
      raw: () => ({ headers: flatten(req.headers), body: body.toString("utf8") }),
      deliveryCount: Number.isInteger(count) && count >= 1 ? count : 1,
      ack: async () => reply(res, 204, "", delivered),
      retryLater: async (delayMs) => reply(res, 503, "try again later", { ...delivered, "retry-after": String(Math.max(0, Math.ceil(delayMs / 1000))) }),
    };
    try {
      await route.deliver(delivery);
    } catch (error) {
      // No broker to hand the event back to: the sender retries on a 5xx.
      return reply(res, 500, `the consumer failed: ${(error as Error)?.message ?? String(error)}`, delivered);
    }
    reply(res, 500, "the consumer neither acknowledged nor deferred the event", delivered);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const { route, channel } = routeOf((req.url ?? "/").split("?")[0]);
    if (route === undefined) return reply(res, 404, "no subscription at this path");
    if (req.method !== "POST") return reply(res, 405, "only POST is served", { allow: "POST" });
    if (route === "stopped") return reply(res, 503, "the subscription is stopped", { "retry-after": "1" });
    // serve fails only when the request breaks off mid-body: nobody is left to answer.
    const handling = serve(req, res, route, channel).catch(() => void res.destroy());
    route.inFlight.add(handling);
    void handling.finally(() => route.inFlight.delete(handling));
  };

  const stop = async (path: string, route: Route) => {
    if (routes.get(path) === route) routes.set(path, "stopped");
    await Promise.allSettled([...route.inFlight]);
  };

  return {
    handler,
    send,
    async subscribe(spec: SubscribeSpec, deliver: (delivery: Delivery) => Promise<void>): Promise<Subscription> {
      // group and ackWaitMs are a broker's: here the sender's tries and timeout play those parts.
      const path = pathOf(spec.channel);
      const current = routes.get(path);
      if (current !== undefined && current !== "stopped") throw new Error(`httpTransport already serves channel ${spec.channel} at ${path}`);
      const route: Route = { deliver, inFlight: new Set() };
      routes.set(path, route);
      if (hasParameters(spec.channel) && !patterns.some((p) => p.path === path)) patterns.push({ pattern: addressPattern(spec.channel), path });
      return { stop: () => stop(path, route) };
    },
    async close(): Promise<void> {
      await Promise.all([...routes].map(([path, route]) => (route === "stopped" ? undefined : stop(path, route))));
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/**
 * The official `standardwebhooks` signer for a key: `whsec_` + base64 as Standard Webhooks issues
 * keys, else a string's UTF-8 bytes, or the bytes given.
 */
function signer(secret: string | Buffer): Webhook {
  if (typeof secret === "string" && secret.startsWith("whsec_")) return new Webhook(secret);
  return new Webhook(new Uint8Array(typeof secret === "string" ? Buffer.from(secret, "utf8") : secret), { format: "raw" });
}

/** The Standard Webhooks headers that sign `body` as message `id`, at `now`. */
export function signWebhook(secret: string | Buffer, id: string, body: Buffer, now = Date.now()): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signer(secret).sign(id, new Date(timestamp * 1000), body) };
}

/**
 * What is wrong with a request's Standard Webhooks signature, or undefined when it is good: any
 * `v1` signature in the (space-separated) list may match, so keys can be rotated. The library's own
 * `verify` reads the wall clock with a fixed 5-minute window; the window here is the transport's
 * option, so the timestamp is checked here and the signature computed by the library's `sign`.
 */
export function verifyWebhook(secret: string | Buffer, headers: IncomingHttpHeaders, body: Buffer, options: { replayWindowMs?: number; now?: number } = {}): string | undefined {
  const [id, timestamp, signatures] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map((name) => headers[name]);
  if (typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return "the request is not signed (webhook-id, webhook-timestamp, webhook-signature)";
  if (!/^\d+$/.test(timestamp)) return "webhook-timestamp is not unix seconds";
  // Both ways: a timestamp from the future is as suspect as a stale one.
  if (Math.abs((options.now ?? Date.now()) - Number(timestamp) * 1000) > (options.replayWindowMs ?? 5 * 60_000)) return "webhook-timestamp is outside the replay window";
  const expected = Buffer.from(signer(secret).sign(id, new Date(Number(timestamp) * 1000), body));
  const matches = signatures.split(" ").some((entry) => {
    const given = Buffer.from(entry);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? undefined : "webhook-signature does not match";
}

/** The body as bytes: the SDK gives a string, JSON already stringified, or binary data. */
function bytesOf(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(typeof body === "string" ? body : JSON.stringify(body), "utf8");
}

/**
 * The CloudEvents HTTP binding's header encoding (which the SDK leaves out): space, `"`, `%` and
 * anything outside printable ASCII become UTF-8 `%XX`, so a dead-letter reason with a newline or
 * a non-Latin id can travel as a header.
 */
/** The webhook-id of an event: its source and id as they travel in `ce-*` headers, a space between. */
export function webhookIdOf(source: string, id: string): string {
  return `${percentEncode(source)} ${percentEncode(id)}`;
}

function percentEncode(value: string): string {
  return value.replace(/[^\x21\x23\x24\x26-\x7E]/gu, (char) => encodeURIComponent(char));
}

/** Its inverse, after unquoting a value quoted as older senders did; throws on invalid UTF-8. */
function percentDecode(value: string): string {
  const unquoted = /^".*"$/s.test(value) ? value.slice(1, -1).replace(/\\(.)/gs, "$1") : value;
  return decodeURIComponent(unquoted);
}

function decodeEvent(headers: IncomingHttpHeaders, body: Buffer): CloudEvent<unknown> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(flatten(headers))) decoded[name] = name.startsWith("ce-") ? percentDecode(value) : value;
  // Text for JSON (structured events, JSON data); bytes stay bytes for other data.
  const text = /json|text|xml/i.test(decoded["content-type"] ?? "");
  const event = HTTP.toEvent({ headers: decoded, body: text ? body.toString("utf8") : body });
  if (Array.isArray(event)) throw new Error("a batch of CloudEvents; send them one per request");
  const single = event as CloudEvent<unknown>;
  single.validate();
  return single;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}

/** The body, or undefined once it grows past `limit` (the rest is left unread). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => reject(new Error("the request was cut off")));
  });
}

/** Answers once; later answers (an ack after a 500, say) are dropped. */
function reply(res: ServerResponse, status: number, text = "", headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, text ? { ...headers, "content-type": "text/plain; charset=utf-8" } : headers).end(text);
}
