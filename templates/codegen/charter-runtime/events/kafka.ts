/*
 * The Kafka transport (kafkajs), in the CloudEvents Kafka protocol binding: binary mode (`ce_`
 * headers, the data as the record value; the default) or structured mode (the whole event as
 * `application/cloudevents+json`). The record key is the event's partition key (the business key's
 * value), so all events about one thing land on one partition, in order. The cloudevents SDK does
 * the encoding; this file only turns its messages into kafkajs records and back.
 *
 * Sending: one idempotent producer (acks from all in-sync replicas, one request in flight so
 * retries cannot reorder), connected on first send.
 *
 * Receiving, at least once: each subscription is a consumer in the group `spec.group`, taking one
 * record at a time per partition. Offsets are committed by hand: a record's offset (its next one)
 * is committed when the runtime acks it, never before, so a crash redelivers from the first record
 * not acked. Kafka keeps no per-record delivery count and redelivers nothing by itself, so:
 * - a record not acked (`retryLater(ms)`, or the runtime failed without acking) makes the consumer
 *   seek back to it and pause its partition for `ms` (`spec.ackWaitMs` when the runtime failed);
 *   resumed, the partition starts again at that record. The records behind it wait: Kafka orders
 *   by partition, and skipping one would mean committing past it.
 * - the delivery count is counted in this process: 1, then one more each time the same record
 *   comes again. It starts over in another process (after a crash or a rebalance), so the runtime's
 *   max-deliver limit holds per process; a record that kills the process every time is redelivered
 *   without end.
 * - Kafka has no delivery limit: the runtime dead-letters a record once it is over its own, and
 *   the only way past a record is an ack. While the dead-letter topic is unreachable the partition
 *   stays blocked, retried, rather than the record being lost.
 */
import { CloudEvent, Kafka as KafkaBinding } from "cloudevents";
import { Kafka, Partitioners, type Consumer, type EachMessagePayload, type IHeaders, type Message, type Producer } from "kafkajs";
import { addressPattern, hasParameters, type Delivery, type EventTransport, type Outgoing, type SubscribeSpec, type Subscription } from "../events.js";

export type KafkaTransportOptions = (
  | {
      /** A client you configured: brokers, SASL, SSL, logging. */
      kafka: Kafka;
      brokers?: never;
      clientId?: never;
    }
  | { kafka?: never; brokers: string[]; clientId: string }
) & {
  /** How events travel: `ce_` headers and the data as the value (default), or one JSON document. */
  mode?: "binary" | "structured";
  /** Where a group with no committed offset starts: the earliest retained record (default), or new ones only. */
  fromBeginning?: boolean;
  /** Partitions handled at once by each subscription; records of one partition are always one at a time. */
  partitionsConsumedConcurrently?: number;
};

/** kafkajs heartbeats between records only; a slow handler (retries, backoff) must not get its consumer evicted. */
const HEARTBEAT_MS = 1_000;

export function kafkaTransport(options: KafkaTransportOptions): EventTransport {
  const kafka = options.kafka ?? new Kafka({ brokers: options.brokers, clientId: options.clientId });
  const mode = options.mode ?? "binary";
  const subscriptions = new Set<Subscription>();
  let producer: Promise<Producer> | undefined;
  let closed = false;

  const connect = async (): Promise<Producer> => {
    // The Java client's partitioner, so a key maps to the same partition whichever client sends it.
    const made = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    try {
      await made.connect();
      return made;
    } catch (error) {
      producer = undefined;
      throw error;
    }
  };

  return {
    async send(outgoing) {
      if (closed) throw new Error("the Kafka transport is closed");
      const record = recordOf(outgoing, mode);
      await (await (producer ??= connect())).send({ topic: outgoing.channel, acks: -1, messages: [record] });
    },

    async subscribe(spec, deliver) {
      if (closed) throw new Error("the Kafka transport is closed");
      const subscription = await subscribe(kafka.consumer({ groupId: spec.group }), spec, deliver, options);
      const stop = subscription.stop;
      const tracked: Subscription = {
        stop: async () => {
          subscriptions.delete(tracked);
          await stop();
        },
      };
      subscriptions.add(tracked);
      return tracked;
    },

    async close() {
      closed = true;
      // Stop consuming first: a message in hand may still need the producer for its dead letter.
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      const connected = producer;
      producer = undefined;
      // A producer that failed to connect has nothing to disconnect.
      await connected?.then((made) => made.disconnect(), () => undefined);
    },
  };
}

/** The kafkajs record for an event, as the SDK's binding encodes it. */
function recordOf(outgoing: Outgoing, mode: "binary" | "structured"): Message {
  const message = mode === "structured" ? KafkaBinding.structured(outgoing.event) : KafkaBinding.binary(outgoing.event);
  const headers: IHeaders = { ...outgoing.headers };
  // The SDK gives unset attributes as undefined and extensions as numbers or booleans; headers are text.
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined && value !== null) headers[name] = String(value);
  return {
    key: outgoing.partitionKey ?? message.key ?? null,
    // Structured mode's value is the event as JSON text already; binary mode's is the data as it is.
    value: mode === "structured" ? String(message.value) : dataValue(message.value, outgoing.event.datacontenttype),
    headers,
    timestamp: message.timestamp,
  };
}

/** The data as a record value: JSON, unless it is bytes, or text of a type other than JSON. */
function dataValue(data: unknown, contentType: string | undefined): Buffer | string | null {
  if (data === undefined || data === null) return null;
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (typeof data === "string" && !/json/i.test(contentType ?? "")) return data;
  return JSON.stringify(data);
}

/** kafkajs gives header values as Buffers (arrays when a name repeats); the SDK reads strings. */
function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) text[name] = Array.isArray(value) ? value.map(String).join(",") : value.toString();
  }
  return text;
}

/** The CloudEvent a record carries; throws when it carries none, or a batch of them. */
function decode(headers: Record<string, string>, key: string | undefined, value: string | Buffer): CloudEvent<unknown> {
  const record = { headers, key, value, body: value };
  const event = KafkaBinding.toEvent<unknown>(record);
  if (!(event instanceof CloudEvent)) throw new Error("a batch of CloudEvents in one record; this transport takes one event per record");
  // toEvent does not validate: a record with ce_ headers but no source or type is no CloudEvent either.
  event.validate();
  return event;
}

/**
 * What a consumer subscribes to for an address: its topic, or for an address with parameters a
 * topic pattern (`user.{id}.signup` → /^user\.([^…]+)\.signup$/). kafkajs matches a pattern
 * against the topics that exist when it subscribes.
 */
export function kafkaTopics(address: string): string | RegExp {
  return hasParameters(address) ? addressPattern(address) : address;
}

async function subscribe(consumer: Consumer, spec: SubscribeSpec, deliver: (delivery: Delivery) => Promise<void>, options: KafkaTransportOptions): Promise<Subscription> {
  // The one record per partition that was delivered and not acked yet: the only one that can come again.
  const pending = new Map<string, { offset: string; count: number }>();
  const inHand = new Set<Promise<void>>();
  const resumeTimers = new Set<NodeJS.Timeout>();
  let stopping = false;

  /** Starts the partition again at this record, after `ms`. */
  const redeliver = (topic: string, partition: number, offset: string, ms: number) => {
    consumer.seek({ topic, partition, offset });
    consumer.pause([{ topic, partitions: [partition] }]);
    const timer = setTimeout(() => {
      resumeTimers.delete(timer);
      try {
        consumer.resume([{ topic, partitions: [partition] }]);
      } catch {
        // The consumer stopped or restarted meanwhile; a restarted one starts from the committed offset anyway.
      }
    }, ms);
    resumeTimers.add(timer);
  };

  const handle = async ({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> => {
    const where = `${topic}:${partition}`;
    const previous = pending.get(where);
    const deliveryCount = previous?.offset === message.offset ? previous.count + 1 : 1;
    pending.set(where, { offset: message.offset, count: deliveryCount });

    const headers = textHeaders(message.headers);
    // Text (JSON data, structured events) is read as UTF-8; other data (an Avro payload) stays bytes.
    const body = message.value?.toString("utf8") ?? "";
    const value = /json|^text\/|xml/i.test(headers["content-type"] ?? "") ? body : (message.value ?? Buffer.alloc(0));
    let outcome: { acked: true } | { acked: false; laterMs: number } | undefined;
    const delivery: Delivery = {
      channel: topic,
      decode: () => decode(headers, message.key?.toString("utf8"), value),
      raw: () => ({ headers, body }),
      deliveryCount,
      ack: async () => {
        // The committed offset is the next record to read.
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        pending.delete(where);
        outcome = { acked: true };
      },
      retryLater: async (delayMs) => {
        outcome = { acked: false, laterMs: delayMs };
      },
    };

    const beat = setInterval(() => {
      // A rebalance shows here as an error; kafkajs meets it again, and rejoins, once this record is done.
      heartbeat().catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      await deliver(delivery);
    } catch (error) {
      consumer.logger().error("charter: handling a record failed; it will be redelivered", { topic, partition, offset: message.offset, error: String(error) });
    } finally {
      clearInterval(beat);
    }
    if (!outcome?.acked) redeliver(topic, partition, message.offset, outcome?.laterMs ?? spec.ackWaitMs);
  };

  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [kafkaTopics(spec.channel)], fromBeginning: options.fromBeginning ?? true });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
    eachMessage: async (payload) => {
      // Once stopping, take nothing new: it is not committed, so the group's next consumer gets it.
      if (stopping) return;
      const run = handle(payload);
      inHand.add(run);
      try {
        await run;
      } finally {
        inHand.delete(run);
      }
    },
  });

  let stopped: Promise<void> | undefined;
  return {
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        await Promise.allSettled(inHand);
        for (const timer of resumeTimers) clearTimeout(timer);
        await consumer.disconnect();
      })()),
  };
}
