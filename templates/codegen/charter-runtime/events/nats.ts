/*
 * NATS JetStream, with events encoded by the CloudEvents NATS protocol binding: in binary mode the
 * attributes travel as `ce-*` headers (and `datacontenttype` as `content-type`) with the data as the
 * payload; in structured mode the payload is the whole event as `application/cloudevents+json`. The
 * binding uses HTTP's header conventions: binary-mode.ts builds and reads them as the cloudevents
 * SDK's HTTP binding does, and the SDK does the rest.
 *
 * Consumers are durable pull consumers with explicit acks; a message not acked within the ack wait,
 * or whose process died, is delivered again. Works with nats-server 2.9 and later.
 */
import { CloudEvent, HTTP } from "cloudevents";
import { AckPolicy, DeliverPolicy, StorageType, connect, headers as natsHeaders, nanos, type ConsumerConfig, type JsMsg, type MsgHdrs, type NatsConnection } from "nats";
import { binaryEvent, binaryMessage } from "./binary-mode.js";
import { hasParameters, type Delivery, type EventTransport, type Outgoing, type SubscribeSpec, type Subscription } from "../events.js";

export interface NatsTransportOptions {
  /** Where to connect, unless `connection` is given. */
  servers?: string | string[];
  /** A connection to use instead of opening one; `close()` then leaves it open. */
  connection?: NatsConnection;
  /** `binary` (the default): `ce-*` headers and the data as payload; `structured`: one JSON document. */
  mode?: "binary" | "structured";
  /**
   * When no stream captures a channel's subject (the dead-letter channel's too), create a file-backed
   * one named after it (`order.paid.v1` → `ORDER_PAID_V1`). Default true; with false, streams are
   * the operator's job and a missing one is an error.
   */
  createStreams?: boolean;
  /** Deliveries one subscription handles at once. 1, the default, handles them in stream order. */
  concurrency?: number;
  /** Messages pulled ahead of the handler (default 100): their ack wait runs while they queue, and stop() handles them. */
  prefetch?: number;
  /** Told of failures that leave a message to be redelivered; defaults to console.error. */
  onError?: (error: unknown) => void;
}

const encoder = new TextEncoder();

/** A stream name from a subject: `order.paid.v1` → `ORDER_PAID_V1`. */
export function streamNameFor(subject: string): string {
  return subject.replace(/[^A-Za-z0-9_-]/g, "_").toUpperCase();
}

/**
 * The subject of an address, parameters as wildcards: a token holding a parameter becomes `*`
 * (`lights.{id}.measured` → `lights.*.measured`), which the consumer then narrows to the address.
 */
export function natsSubject(address: string): string {
  return hasParameters(address) ? address.split(".").map((token) => (/\{[^{}]+\}/.test(token) ? "*" : token)).join(".") : address;
}

/** NATS header values cannot hold line breaks and lose surrounding spaces. */
const fitsHeader = (value: string) => !/[\r\n]/.test(value) && value === value.trim();

/** The event as NATS headers and payload; structured when an attribute cannot be a header value. */
export function encode(event: CloudEvent<unknown>, mode: "binary" | "structured", application: Record<string, string> = {}): { headers: MsgHdrs; payload: Uint8Array } {
  let message = mode === "binary" ? binaryMessage(event) : undefined;
  // for…in rather than Object.entries: no array per header on a path taken once per event.
  for (const name in message?.headers) {
    if (!fitsHeader(String(message.headers[name]))) {
      message = undefined;
      break;
    }
  }
  message ??= HTTP.structured(event);
  const headers = natsHeaders();
  for (const name in application) headers.append(name, application[name]);
  for (const name in message.headers) headers.append(name, String(message.headers[name]));
  const { body } = message;
  const payload =
    body === undefined || body === null ? new Uint8Array() : typeof body === "string" ? encoder.encode(body) : body instanceof Uint8Array ? body : encoder.encode(JSON.stringify(body));
  return { headers, payload };
}

/**
 * A received message as the runtime sees it; `ack` sends (or queues) the message's ack. A class, so
 * a delivery costs one object rather than a closure per method.
 */
class NatsDelivery implements Delivery {
  readonly channel: string;
  private readonly headers: Record<string, string> = {};
  readonly deliveryCount: number;
  /** The payload as text, decoded once: for the data, the dead letter and the id check alike. */
  private text: string | undefined;

  constructor(private readonly msg: JsMsg, private readonly sendAck: (msg: JsMsg) => void) {
    for (const [name, values] of msg.headers ?? []) this.headers[name.toLowerCase()] = values[0];
    this.channel = msg.subject;
    this.deliveryCount = msg.info.deliveryCount;
  }

  private body(): string {
    return (this.text ??= this.msg.string());
  }

  decode(): CloudEvent<unknown> {
    const { headers, msg } = this;
    const contentType = headers["content-type"] ?? "";
    const structured = /^application\/cloudevents/i.test(contentType);
    // In binary mode the SDK reads only the attributes, and the payload becomes the data as it
    // is: text for a textual content type, which the consumer parses and checks (the SDK's JSON
    // parser builds two exceptions per call, and cost more than the rest of decoding together).
    const data = structured || !msg.data.length ? undefined : /json|^text\/|xml/i.test(contentType) ? this.body() : Buffer.from(msg.data);
    if (!structured) {
      const event = binaryEvent(headers, data);
      if (event) return event;
    }
    const decoded = HTTP.toEvent({ headers, body: structured ? this.body() : undefined });
    if (!(decoded instanceof CloudEvent)) throw new Error("a batch of CloudEvents where one was expected");
    // toEvent does not validate; cloneWith does, as it adds the data.
    if (data !== undefined) return decoded.cloneWith({ data }, true);
    decoded.validate();
    return decoded;
  }

  raw(): { headers: Record<string, string>; body: string } {
    return { headers: this.headers, body: this.body() };
  }

  async ack(): Promise<void> {
    this.sendAck(this.msg);
  }

  async retryLater(delayMs: number): Promise<void> {
    this.msg.nak(delayMs);
  }
}

export async function natsTransport(options: NatsTransportOptions = {}): Promise<EventTransport> {
  const nc = options.connection ?? (await connect({ servers: options.servers }));
  const mode = options.mode ?? "binary";
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const onError = options.onError ?? ((error: unknown) => console.error("nats transport:", error));
  const js = nc.jetstream();
  const jsm = await nc.jetstreamManager();
  const streams = new Map<string, Promise<string>>();
  const subscriptions = new Set<Subscription>();

  const findOrCreateStream = async (subject: string): Promise<string> => {
    const names = await jsm.streams.names(subject).next();
    if (names.length === 1) return names[0];
    if (names.length > 1) throw new Error(`more than one JetStream stream captures ${subject}: ${names.join(", ")}`);
    if (options.createStreams === false) throw new Error(`no JetStream stream captures ${subject} (createStreams is off)`);
    // Adding a stream that exists with the same configuration succeeds, so racing creators agree.
    return (await jsm.streams.add({ name: streamNameFor(subject), subjects: [subject], storage: StorageType.File })).config.name;
  };

  /** The stream capturing a subject, looked up (or created) once per transport. */
  const streamFor = (subject: string): Promise<string> => {
    let stream = streams.get(subject);
    if (!stream) {
      stream = findOrCreateStream(subject);
      streams.set(subject, stream);
      stream.catch(() => streams.delete(subject));
    }
    return stream;
  };

  return {
    async send({ channel, address, event, headers: application }: Outgoing) {
      // One stream for every channel of an address with parameters, the one its consumers read.
      if (options.createStreams !== false) await streamFor(address ? natsSubject(address) : channel);
      const { headers, payload } = encode(event, mode, application);
      // JetStream drops a message whose id it has seen within the stream's duplicate window (2 min by
      // default): an event sent again, such as a dead letter re-sent by a consumer that crashed
      // before acking, is stored once. The channel is part of the id because a dead letter keeps its
      // event's source and id, and one stream may capture both subjects.
      await js.publish(channel, payload, { headers, msgID: `${channel} ${event.source} ${event.id}` });
    },

    async subscribe(spec: SubscribeSpec, deliver: (delivery: Delivery) => Promise<void>): Promise<Subscription> {
      const subject = natsSubject(spec.channel);
      const stream = await streamFor(subject);
      const config: Partial<ConsumerConfig> = {
        durable_name: spec.group,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(spec.ackWaitMs),
        // Unlimited: the runtime counts deliveries and dead-letters past its limit. A broker limit
        // would strand a message whose last allowed delivery failed to reach the dead-letter stream.
        max_deliver: -1,
        filter_subject: subject,
        deliver_policy: DeliverPolicy.All,
      };
      // Creates the durable consumer, or binds to it and updates its limits to this spec's.
      await jsm.consumers.add(stream, config);
      const messages = await (await js.consumers.get(stream, spec.group)).consume({ max_messages: options.prefetch ?? 100 });

      // Acks are not awaited: should one be lost, the redelivery finds the event in the idempotency
      // store (or its dead letter de-duplicated by Nats-Msg-Id) and is acked again. They wait for the
      // end of this turn of the event loop and go out in one write, instead of a write each, which
      // made up a third of the consumer's time.
      const acks: JsMsg[] = [];
      const sendAcks = () => {
        for (const msg of acks.splice(0)) msg.ack();
      };
      const ack = (msg: JsMsg) => {
        if (!acks.length) setImmediate(sendAcks);
        acks.push(msg);
      };

      let stopping = false;
      const running = new Set<Promise<void>>();
      const handle = async (msg: JsMsg) => {
        try {
          await deliver(new NatsDelivery(msg, ack));
        } catch (error) {
          // Not acked, so JetStream delivers the message again once the ack wait is over.
          onError(error);
        }
      };
      const loop = (async () => {
        for await (const msg of messages) {
          if (concurrency === 1) {
            await handle(msg);
            continue;
          }
          const run = handle(msg).finally(() => running.delete(run));
          running.add(run);
          if (running.size >= concurrency) await Promise.race(running);
        }
        await Promise.all(running);
      })().catch((error) => {
        if (!stopping) onError(error);
      });

      const subscription: Subscription = {
        // Messages already pulled are handled rather than handed back: a nak right after the pull
        // request is cancelled can meet that stale request on nats-server 2.9 and then wait out
        // the ack wait. (One the server sent just before it learnt of the cancel waits it out too.)
        async stop() {
          stopping = true;
          subscriptions.delete(subscription);
          await messages.close();
          await loop;
          sendAcks();
          // Once the server has the cancel and the acks, later messages go to other subscribers
          // and none handled here is redelivered.
          await nc.flush();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      if (!options.connection) await nc.drain();
    },
  };
}
