/*
 * What the outbox relay and the inbox need of Postgres: a pool of clients, as the `pg` package's
 * `Pool` is one (pg is an optional peer dependency: these files type it by shape and never import it).
 */
import type { OutboxTransaction } from "../../events.js";

/** A client checked out of a pool: `pg`'s `PoolClient`. */
export interface PgClient extends OutboxTransaction {
  /** Back to the pool; with an error, the pool discards the client (its connection may be broken). */
  release(error?: Error | boolean): void;
}

/** `pg`'s `Pool`, or anything that hands out clients like it. */
export interface PgPool {
  connect(): Promise<PgClient>;
}

/**
 * Runs `work` in a transaction of its own: committed when it returns `true`, rolled back when it
 * returns `false` or throws (the error then goes on).
 */
export async function inTransaction<R>(pool: PgPool, work: (tx: PgClient) => Promise<{ commit: boolean; result: R }>): Promise<R> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { commit, result } = await work(client);
    await client.query(commit ? "COMMIT" : "ROLLBACK");
    client.release();
    return result;
  } catch (error) {
    // A client whose rollback fails is broken: the pool must not hand it out again.
    const rolledBack = await client.query("ROLLBACK").then(() => true, () => false);
    client.release(!rolledBack);
    throw error;
  }
}
