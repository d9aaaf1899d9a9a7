/*
 * The consumer half: a handler that gets a Postgres transaction, in which its writes and the event's
 * dedup record (operation + source + id, in `charter_inbox`) commit together, so an event's effect
 * is in the database exactly once however often it is delivered.
 *
 * Events from an outbox carry their key's `sequence` (outbox.ts); the inbox handles them in that
 * order per operation and ordering key, whatever order the transport delivers them in (a broker
 * redelivers what a dead consumer held after messages sent since). One that comes early is parked
 * (`charter_inbox_parked`, then acked) and handled right after its predecessor; one whose sequence
 * was handled is a duplicate. The key's row in `charter_inbox_keys` is locked by each transaction
 * of that key, so instances and concurrent deliveries agree. Events without a sequence are handled
 * as they come.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { backoffMs, childTraceparent, type EventHandler, type HandlerContext, type IdempotencyStore, type RetryPolicy } from "../../events.js";
import { eventFromRow, orderingKey } from "./outbox.js";
import { inTransaction, type PgClient, type PgPool } from "./transaction.js";

/** A handler's context in an inbox: `tx` is the transaction to write the effect in. */
export type InboxHandlerContext<T, P> = HandlerContext<T, P> & { tx: PgClient };

export type InboxHandler<T, P = Record<string, string>> = (data: T, context: InboxHandlerContext<T, P>) => unknown;

export interface InboxOptions {
  /** Tries of a parked event's handler, and their backoff; 3 tries, 100 ms doubling to 2 s, by default. */
  retry?: Partial<RetryPolicy>;
  /** Told of events parked, handled late, and parked handlers that failed; silent by default. */
  onEvent?: (report: InboxReport) => void;
}

export type InboxReport =
  | { kind: "parked"; key: string; sequence: number }
  | { kind: "unparked"; key: string; sequence: number }
  | { kind: "parked-handler-failed"; key: string; sequence: number; error: unknown };

export interface PostgresInbox {
  /** The consumer's idempotency store (createConsumer's `store`): it skips events with a dedup record. */
  store: IdempotencyStore;
  /** Wraps a handler so it runs in a transaction with the event's dedup record, in sequence order. */
  handle<T, P = Record<string, string>>(handler: InboxHandler<T, P>): EventHandler<T, P>;
}

const dedupKey = (operation: string, source: string, id: string) => `${operation} ${source} ${id}`;

interface Parked {
  sequence: string;
  data: unknown;
  event: unknown;
  parameters: Record<string, string>;
  headers: Record<string, string>;
}

/**
 * An inbox over a pool of the consumer's database (ensureSchema first). Usage:
 * `createConsumer({ store: inbox.store }).onX(inbox.handle(async (data, { tx }) => { await tx.query(…) }))`.
 */
export function postgresInbox(pool: PgPool, options: InboxOptions = {}): PostgresInbox {
  const retry: RetryPolicy = { attempts: 3, initialMs: 100, maxMs: 2_000, ...options.retry };
  const report = options.onEvent ?? (() => undefined);

  const store: IdempotencyStore = {
    async has(key) {
      const client = await pool.connect();
      try {
        return ((await client.query("SELECT 1 FROM charter_inbox WHERE key = $1", [key])).rowCount ?? 0) > 0;
      } finally {
        client.release();
      }
    },
    // The handler committed the record with its effect already, or left nothing to commit.
    commit: async () => true,
    close: async () => undefined,
  };

  /** Locks the key's row and returns the last sequence handled (0 for a new key). */
  const lastSequence = async (tx: PgClient, operation: string, key: string): Promise<number> => {
    const { rows } = await tx.query(
      "INSERT INTO charter_inbox_keys (operation, ordering_key, last_sequence) VALUES ($1, $2, 0) ON CONFLICT (operation, ordering_key) DO UPDATE SET last_sequence = charter_inbox_keys.last_sequence RETURNING last_sequence",
      [operation, key],
    );
    return Number(rows[0].last_sequence);
  };

  /** Inserts the dedup record, then runs the handler; false (nothing run) when the record is there. */
  const apply = async <T, P>(tx: PgClient, handler: InboxHandler<T, P>, data: T, context: HandlerContext<T, P>): Promise<boolean> => {
    const { operation, event } = context;
    const inserted = await tx.query("INSERT INTO charter_inbox (key, operation, source, id) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING", [
      dedupKey(operation, event.source, event.id),
      operation,
      event.source,
      event.id,
    ]);
    if (!inserted.rowCount) return false;
    await handler(data, { ...context, tx });
    return true;
  };

  /** Handles the parked events of a key that are next in line, one transaction each. */
  const unpark = async <T, P>(handler: InboxHandler<T, P>, operation: string, channel: string, key: string): Promise<void> => {
    for (;;) {
      let failures = 0;
      let next: number | undefined;
      let sequence = 0;
      for (;;) {
        try {
          next = await inTransaction(pool, async (tx) => {
            const last = await lastSequence(tx, operation, key);
            sequence = last + 1;
            const { rows } = await tx.query("SELECT sequence, data, event, parameters, headers FROM charter_inbox_parked WHERE operation = $1 AND ordering_key = $2 AND sequence = $3", [operation, key, last + 1]);
            const parked = rows[0] as unknown as Parked | undefined;
            if (!parked) return { commit: false, result: undefined };
            const event = eventFromRow(parked.event);
            const context: HandlerContext<T, P> = {
              event: event as HandlerContext<T, P>["event"],
              operation,
              channel,
              parameters: parked.parameters as P,
              traceparent: childTraceparent(typeof event.traceparent === "string" ? event.traceparent : undefined),
              attempt: failures + 1,
              deliveryCount: 1,
              headers: parked.headers,
            };
            await apply(tx, handler, parked.data as T, context);
            await tx.query("UPDATE charter_inbox_keys SET last_sequence = $3 WHERE operation = $1 AND ordering_key = $2", [operation, key, last + 1]);
            await tx.query("DELETE FROM charter_inbox_parked WHERE operation = $1 AND ordering_key = $2 AND sequence = $3", [operation, key, last + 1]);
            return { commit: true, result: last + 1 };
          });
          break;
        } catch (error) {
          failures += 1;
          report({ kind: "parked-handler-failed", key, sequence, error });
          // It stays parked: the next event of its key, or the next start, tries again.
          if (failures >= retry.attempts) return;
          await sleep(backoffMs(retry, failures - 1));
        }
      }
      if (next === undefined) return;
      report({ kind: "unparked", key, sequence: next });
    }
  };

  /** Keys with a parked event next in line, left so by a consumer that died between two transactions. */
  const readyKeys = async (operation: string): Promise<{ ordering_key: string }[]> => {
    const client = await pool.connect();
    try {
      const { rows } = await client.query(
        "SELECT k.ordering_key FROM charter_inbox_keys k JOIN charter_inbox_parked p ON p.operation = k.operation AND p.ordering_key = k.ordering_key AND p.sequence = k.last_sequence + 1 WHERE k.operation = $1",
        [operation],
      );
      return rows as unknown as { ordering_key: string }[];
    } finally {
      client.release();
    }
  };

  return {
    store,
    handle<T, P>(handler: InboxHandler<T, P>): EventHandler<T, P> {
      let recovered: Promise<void> | undefined;
      return async (data, context) => {
        const { event, operation, channel } = context;
        // On the first event, catch up on what a predecessor of this process left parked.
        recovered ??= readyKeys(operation)
          .then((keys) => Promise.all(keys.map(({ ordering_key }) => unpark(handler, operation, (JSON.parse(ordering_key) as string[])[0], ordering_key))))
          .then(
            () => undefined,
            (error) => {
              // The database was unreachable: the next event tries again.
              recovered = undefined;
              throw error;
            },
          );
        await recovered;
        const partitionKey = typeof event.partitionkey === "string" ? event.partitionkey : undefined;
        const sequence = typeof event.sequence === "string" && /^\d+$/.test(event.sequence) ? Number(event.sequence) : undefined;
        if (partitionKey === undefined || sequence === undefined) {
          await inTransaction(pool, async (tx) => ({ commit: await apply(tx, handler, data, context), result: undefined }));
          return;
        }
        const key = orderingKey(channel, event.source, partitionKey);
        /** Whether the event after the last one handled is parked, waiting. */
        const nextIsParked = async (tx: PgClient, last: number) =>
          ((await tx.query("SELECT 1 FROM charter_inbox_parked WHERE operation = $1 AND ordering_key = $2 AND sequence = $3", [operation, key, last + 1])).rowCount ?? 0) > 0;
        const { outcome, unparkNext } = await inTransaction(pool, async (tx) => {
          const last = await lastSequence(tx, operation, key);
          if (sequence <= last) return { commit: false, result: { outcome: "duplicate", unparkNext: false } };
          if (sequence > last + 1) {
            await tx.query(
              "INSERT INTO charter_inbox_parked (operation, ordering_key, sequence, data, event, parameters, headers) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
              [operation, key, sequence, JSON.stringify(data ?? null), JSON.stringify(event), JSON.stringify(context.parameters), JSON.stringify(context.headers)],
            );
            // The event next in line may be parked already, behind a handler that failed.
            return { commit: true, result: { outcome: "parked", unparkNext: await nextIsParked(tx, last) } };
          }
          if (!(await apply(tx, handler, data, context))) return { commit: false, result: { outcome: "duplicate", unparkNext: false } };
          await tx.query("UPDATE charter_inbox_keys SET last_sequence = $3 WHERE operation = $1 AND ordering_key = $2", [operation, key, sequence]);
          return { commit: true, result: { outcome: "handled", unparkNext: await nextIsParked(tx, sequence) } };
        });
        if (outcome === "parked") report({ kind: "parked", key, sequence });
        if (unparkNext) await unpark(handler, operation, channel, key);
      };
    },
  };
}
