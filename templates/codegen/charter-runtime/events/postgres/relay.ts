/*
 * The relay of the transactional outbox: it takes due rows of `charter_outbox`, sends their events
 * over a transport (NATS, HTTP, Kafka: any EventTransport), and marks them sent, in one transaction
 * per batch. Delivery is at least once: a relay that dies after sending and before committing leaves
 * the rows pending, and they are sent again (JetStream drops the copy by its message id; the inbox
 * skips it by its dedup record).
 *
 * Order per key: a relay takes only the first unsent row of each ordering key (its head), locked
 * `FOR UPDATE SKIP LOCKED`, then that key's later rows behind it. While it holds a head, no other
 * relay sees that key's later rows as heads, so any number of relays may run and each key is sent
 * by one of them at a time, in sequence; keys go in parallel. A row that fails is retried with
 * backoff and holds its key's later rows back; after the attempts its send operation declares
 * (`x-charter-retry`, else `maxAttempts`) it is dead (state `dead`) and
 * still holds them back, until someone sets it `pending` again.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { backoffMs, type EventTransport, type RetryPolicy } from "../../events.js";
import { eventFromRow } from "./outbox.js";
import { inTransaction, type PgPool } from "./transaction.js";

export interface RelayOptions {
  transport: EventTransport;
  /** Heads taken per batch, and rows sent per batch at most; 200 by default. */
  batchSize?: number;
  /** Tries per event before it is dead-lettered, where its send operation declares no `x-charter-retry`; 10 by default. */
  maxAttempts?: number;
  /** Backoff between tries of such an event; 200 ms doubling to 30 s, with full jitter, by default. */
  retry?: Partial<Omit<RetryPolicy, "attempts">>;
  /** How long to wait before looking again when nothing was due; 50 ms by default. */
  idleMs?: number;
  /** Told of every failed try, dead letter and failed batch; silent by default. */
  onEvent?: (report: RelayReport) => void;
}

export type RelayReport =
  | { kind: "send-failed"; id: string; attempt: number; error: unknown }
  | { kind: "dead-lettered"; id: string; error: unknown }
  | { kind: "batch-failed"; error: unknown };

export interface Relay {
  /** Finishes the batch in hand and stops; the transport stays open (it is the caller's). */
  stop(): Promise<void>;
}

interface Row {
  id: string;
  channel: string;
  address: string | null;
  ordering_key: string | null;
  event: unknown;
  headers: Record<string, string> | null;
  attempts: number;
  retry: RetryPolicy | null;
}

const COLUMNS = "id, channel, address, ordering_key, event, headers, attempts, retry";

/** Sends one batch of due rows; resolves to how many rows it took. */
export async function relayOnce(pool: PgPool, options: RelayOptions): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  const fallback: RetryPolicy = { initialMs: 200, maxMs: 30_000, ...options.retry, attempts: options.maxAttempts ?? 10 };
  const report = options.onEvent ?? (() => undefined);
  return inTransaction(pool, async (tx) => {
    const heads = (
      await tx.query(
        `SELECT ${COLUMNS} FROM charter_outbox o
          WHERE state = 'pending' AND next_attempt_at <= now()
            AND (ordering_key IS NULL OR NOT EXISTS (
              SELECT 1 FROM charter_outbox p WHERE p.ordering_key = o.ordering_key AND p.state <> 'sent' AND p.id < o.id))
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      )
    ).rows as unknown as Row[];
    if (!heads.length) return { commit: false, result: 0 };
    // The rows behind the heads: no other relay takes them while the heads are locked here.
    const keys = [...new Set(heads.flatMap((row) => (row.ordering_key === null ? [] : [row.ordering_key])))];
    const followers = keys.length
      ? ((
          await tx.query(
            `SELECT ${COLUMNS} FROM charter_outbox
              WHERE state = 'pending' AND ordering_key = ANY($1) AND id <> ALL($2)
              ORDER BY id LIMIT $3 FOR UPDATE`,
            [keys, heads.map((row) => row.id), Math.max(0, batchSize - heads.length)],
          )
        ).rows as unknown as Row[])
      : [];
    const queues = new Map<string, Row[]>();
    for (const row of [...heads, ...followers].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)))) {
      const queue = queues.get(row.ordering_key ?? `#${row.id}`) ?? [];
      queue.push(row);
      queues.set(row.ordering_key ?? `#${row.id}`, queue);
    }
    const sent: string[] = [];
    const failed: { row: Row; error: unknown }[] = [];
    // One key's rows one after the other, each sent once the one before it is; the keys at once.
    await Promise.all(
      [...queues.values()].map(async (queue) => {
        for (const row of queue) {
          const event = eventFromRow(row.event);
          try {
            const partitionKey = typeof event.partitionkey === "string" ? event.partitionkey : undefined;
            await options.transport.send({ channel: row.channel, event, ...(row.address ? { address: row.address } : {}), ...(partitionKey ? { partitionKey } : {}), ...(row.headers ? { headers: row.headers } : {}) });
            sent.push(row.id);
          } catch (error) {
            failed.push({ row, error });
            return;
          }
        }
      }),
    );
    if (sent.length) await tx.query("UPDATE charter_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1)", [sent]);
    for (const { row, error } of failed) {
      const attempt = row.attempts + 1;
      const retry = row.retry ?? fallback;
      const dead = attempt >= retry.attempts;
      report(dead ? { kind: "dead-lettered", id: row.id, error } : { kind: "send-failed", id: row.id, attempt, error });
      await tx.query(
        "UPDATE charter_outbox SET attempts = $2, state = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1",
        [row.id, attempt, dead ? "dead" : "pending", String((error as Error)?.message ?? error), backoffMs(retry, attempt - 1) / 1000],
      );
    }
    return { commit: true, result: heads.length + followers.length };
  });
}

/** Relays batch after batch until stopped; a batch that fails (the database unreachable) is tried again after a pause. */
export function startRelay(pool: PgPool, options: RelayOptions): Relay {
  let stopping = false;
  const idleMs = options.idleMs ?? 50;
  const report = options.onEvent ?? (() => undefined);
  const loop = (async () => {
    let failures = 0;
    while (!stopping) {
      try {
        const taken = await relayOnce(pool, options);
        failures = 0;
        if (taken === 0) await sleep(idleMs);
      } catch (error) {
        report({ kind: "batch-failed", error });
        failures += 1;
        await sleep(backoffMs({ attempts: 0, initialMs: 100, maxMs: 5_000 }, failures));
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
    },
  };
}
