/*
 * Request/reply over HTTP: the request is a CloudEvent POSTed to the responder's URL for its
 * channel (`/<channel>`, as http.ts sends events), and the reply is the response, a
 * CloudEvent too (200), or a refusal (422 with the reason as text). `handler` is a `node:http`
 * request listener serving the channels a responder answers, at `/<channel>`. Requests are not retried: a request
 * may have effects, and the requester is told of the failure instead.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudEvent, HTTP } from "cloudevents";
import { addressPattern, type Subscription } from "../events.js";
import type { Answer, Incoming, RequestTransport } from "./request-reply.js";

export interface HttpRequestTransportOptions {
  /** The responder's base URL, for requesting; each channel's path is appended to it. */
  url?: string;
  /** The largest request body the handler reads; 1 MiB by default. */
  maxBodyBytes?: number;
}

export interface HttpRequestTransport extends RequestTransport {
  /** Serves the channels answered: plug it into your own `http.createServer` (or https). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

const incomingOf = (channel: string | undefined, headers: Record<string, string>, body: string, refused?: string): Incoming => ({
  channel,
  headers,
  ...(refused !== undefined ? { refused } : {}),
  decode() {
    const decoded = HTTP.toEvent({ headers, body: body === "" ? undefined : body });
    if (!(decoded instanceof CloudEvent)) throw new Error("a batch of CloudEvents where one was expected");
    decoded.validate();
    return decoded;
  },
});

export function httpRequestTransport(options: HttpRequestTransportOptions = {}): HttpRequestTransport {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const routes = new Map<string, { pattern: RegExp; answer: (request: Incoming) => Promise<Answer> }>();

  const read = (req: IncomingMessage) =>
    new Promise<string | undefined>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBodyBytes) chunks.push(chunk);
      });
      req.on("end", () => resolve(size <= maxBodyBytes ? Buffer.concat(chunks).toString("utf8") : undefined));
      req.on("error", reject);
    });

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const channel = decodeURIComponent(new URL(req.url ?? "/", "http://responder").pathname).slice(1);
    const route = [...routes.values()].find((r) => r.pattern.test(channel));
    if (!route) return res.writeHead(404).end();
    if (req.method !== "POST") return res.writeHead(405, { allow: "POST" }).end();
    const body = await read(req);
    if (body === undefined) return res.writeHead(413).end();
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])));
    const answer = await route.answer(incomingOf(channel, headers, body));
    if ("refused" in answer) return res.writeHead(422, { "content-type": "text/plain; charset=utf-8" }).end(answer.refused);
    const reply = HTTP.binary(answer.reply.event);
    const replyBody = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? "");
    res.writeHead(200, { ...(answer.reply.headers ?? {}), ...(reply.headers as Record<string, string>) }).end(replyBody);
  };

  return {
    async request(message, timeoutMs) {
      const base = options.url;
      if (!base) throw new Error("an HTTP requester needs the responder's url");
      const encoded = HTTP.binary(message.event);
      const body = typeof encoded.body === "string" ? encoded.body : JSON.stringify(encoded.body ?? "");
      const response = await fetch(new URL(encodeURIComponent(message.channel), base.endsWith("/") ? base : `${base}/`), {
        method: "POST",
        headers: { ...(message.headers ?? {}), ...(encoded.headers as Record<string, string>) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const headers = Object.fromEntries([...response.headers.entries()]);
      if (response.status === 422) return incomingOf(message.channel, headers, "", text);
      if (response.status !== 200) throw new Error(`the responder answered ${response.status}: ${text.slice(0, 200)}`);
      return incomingOf(message.channel, headers, text);
    },

    async serve(spec, answer) {
      routes.set(spec.channel, { pattern: addressPattern(spec.channel), answer });
      const subscription: Subscription = { stop: async () => void routes.delete(spec.channel) };
      return subscription;
    },

    handler: (req, res) => {
      respond(req, res).catch((error: Error) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(error.message);
      });
    },

    async close() {
      routes.clear();
    },
  };
}
