/*
 * Request/reply over core NATS (not JetStream: a request is answered now or not at all). A request
 * is a CloudEvent encoded as nats.ts encodes events; the reply goes to the request's
 * inbox, which NATS makes for each request. A responder subscribes in a queue group, so the
 * instances of one service split the requests; a refusal is an empty reply whose
 * `charter-refused` header says why.
 */
import { CloudEvent, HTTP } from "cloudevents";
import { connect, headers as natsHeaders, type Msg, type NatsConnection } from "nats";
import type { Subscription } from "../events.js";
import type { Incoming, RequestTransport } from "./request-reply.js";
import { encode, natsSubject } from "./nats.js";

export interface NatsRequestTransportOptions {
  /** Where to connect, unless `connection` is given. */
  servers?: string | string[];
  /** A connection to use instead of opening one; `close()` then leaves it open. */
  connection?: NatsConnection;
  /** `binary` (the default): `ce-*` headers and the data as payload; `structured`: one JSON document. */
  mode?: "binary" | "structured";
  /** Told of failures to answer a request; defaults to console.error. */
  onError?: (error: unknown) => void;
}

const REFUSED = "charter-refused";

/** A received request or reply as request-reply.ts sees it. */
function incomingOf(msg: Msg): Incoming {
  const headers: Record<string, string> = {};
  for (const [name, values] of msg.headers ?? []) headers[name.toLowerCase()] = values[0];
  return {
    channel: msg.subject,
    headers,
    ...(headers[REFUSED] !== undefined ? { refused: headers[REFUSED] } : {}),
    decode() {
      const decoded = HTTP.toEvent({ headers, body: msg.data.length ? msg.string() : undefined });
      if (!(decoded instanceof CloudEvent)) throw new Error("a batch of CloudEvents where one was expected");
      decoded.validate();
      return decoded;
    },
  };
}

export async function natsRequestTransport(options: NatsRequestTransportOptions = {}): Promise<RequestTransport> {
  const nc = options.connection ?? (await connect({ servers: options.servers }));
  const mode = options.mode ?? "binary";
  const onError = options.onError ?? ((error: unknown) => console.error("nats request transport:", error));
  const subscriptions = new Set<Subscription>();

  return {
    async request(message, timeoutMs) {
      const { headers, payload } = encode(message.event, mode, message.headers);
      return incomingOf(await nc.request(message.channel, payload, { headers, timeout: timeoutMs }));
    },

    async serve(spec, answer) {
      const sub = nc.subscribe(natsSubject(spec.channel), { queue: spec.group });
      const loop = (async () => {
        for await (const msg of sub) {
          try {
            const result = await answer(incomingOf(msg));
            if ("reply" in result) {
              const { headers, payload } = encode(result.reply.event, mode, result.reply.headers);
              msg.respond(payload, { headers });
            } else {
              const headers = natsHeaders();
              // A header value holds one line.
              headers.set(REFUSED, result.refused.replace(/\s+/g, " ").trim());
              msg.respond(new Uint8Array(), { headers });
            }
          } catch (error) {
            onError(error);
          }
        }
      })();
      const subscription: Subscription = {
        // Answers the requests already taken, then stops.
        async stop() {
          subscriptions.delete(subscription);
          await sub.drain();
          await loop;
        },
      };
      subscriptions.add(subscription);
      // The server knows of the subscription before the first request is sent.
      await nc.flush();
      return subscription;
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      if (!options.connection) await nc.drain();
    },
  };
}
