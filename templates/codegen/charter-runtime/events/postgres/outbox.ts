/*
 * The producer half of the transactional outbox: `publishX(data, { tx })` lands here, and the event
 * is a row of `charter_outbox` written by the caller's own transaction, so it exists exactly when the
 * business write does. relay.ts sends the rows. Only SQL through the caller's client: no `pg` import.
 */
import { CloudEvent } from "cloudevents";
import type { Outgoing, OutboxTransaction, RetryPolicy } from "../../events.js";

/** The events kept in order relative to each other: one partition key of one source on one channel. */
export const orderingKey = (channel: string, source: string, partitionKey: string): string => JSON.stringify([channel, source, partitionKey]);

/**
 * The CloudEvents `sequence` attribute (the Sequence extension): a string that sorts as the
 * number does, so zero-padded to the digits of the largest bigint.
 */
export const sequenceAttribute = (sequence: number): string => String(sequence).padStart(19, "0");

/**
 * Writes the event into the outbox inside the caller's transaction. An event with a partition key
 * takes the key's next sequence: the upsert locks the key's counter row until the transaction ends,
 * so transactions writing one key get their sequences in commit order, and a rolled-back one gives
 * its number back.
 */
export async function writeToOutbox(tx: OutboxTransaction, message: Outgoing, retry?: RetryPolicy): Promise<CloudEvent<unknown>> {
  const { channel, address, partitionKey, headers } = message;
  let event = message.event;
  let key: string | null = null;
  let sequence: number | null = null;
  if (partitionKey !== undefined) {
    key = orderingKey(channel, event.source, partitionKey);
    const { rows } = await tx.query(
      "INSERT INTO charter_outbox_keys (ordering_key, last_sequence) VALUES ($1, 1) ON CONFLICT (ordering_key) DO UPDATE SET last_sequence = charter_outbox_keys.last_sequence + 1 RETURNING last_sequence",
      [key],
    );
    sequence = Number(rows[0].last_sequence);
    event = event.cloneWith({ sequence: sequenceAttribute(sequence) }, false);
  }
  await tx.query("INSERT INTO charter_outbox (channel, address, ordering_key, sequence, event, headers, retry) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
    channel,
    address ?? null,
    key,
    sequence,
    JSON.stringify(event),
    headers ? JSON.stringify(headers) : null,
    retry ? JSON.stringify(retry) : null,
  ]);
  return event;
}

/** A CloudEvent back from its outbox (or inbox) row, as it was written. */
export const eventFromRow = (json: unknown): CloudEvent<unknown> => new CloudEvent(json as ConstructorParameters<typeof CloudEvent>[0], false);
