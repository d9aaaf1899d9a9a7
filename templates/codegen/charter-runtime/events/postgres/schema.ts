/*
 * The outbox and inbox tables. The same SQL ships as migrations/charter-events.sql, for teams whose
 * migrations tool owns the schema; ensureSchema is for the others.
 */
import { schemaSql } from "./schema-sql.js";
import { inTransaction, type PgPool } from "./transaction.js";

export { schemaSql };

/**
 * Creates the tables and indexes that are missing (charter_outbox, charter_outbox_keys,
 * charter_inbox, charter_inbox_keys, charter_inbox_parked). Safe to call from every instance at
 * start-up: a transaction-scoped advisory lock lets one at a time run the `CREATE … IF NOT EXISTS`
 * statements, which would otherwise race on Postgres's catalog.
 */
export async function ensureSchema(pool: PgPool): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('charter_events_schema'))");
    await tx.query(schemaSql);
    return { commit: true, result: undefined };
  });
}
