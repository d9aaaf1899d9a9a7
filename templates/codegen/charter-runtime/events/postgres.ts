/*
 * The Postgres entry point (`<package>/postgres`): a transactional outbox for producers, its relay,
 * and an inbox for consumers. Bring a `pg` Pool (pg is an optional peer dependency), run
 * migrations/charter-events.sql or ensureSchema(pool), then:
 * - producers: `publishX(data, { tx })` inside your transaction, and one or more `startRelay(pool, { transport })`;
 * - consumers: `createConsumer({ store: inbox.store }).onX(inbox.handle(handler))` with `inbox = postgresInbox(pool)`.
 */
export { ensureSchema, schemaSql } from "./postgres/schema.js";
export { writeToOutbox } from "./postgres/outbox.js";
export { relayOnce, startRelay, type Relay, type RelayOptions, type RelayReport } from "./postgres/relay.js";
export { postgresInbox, type InboxHandler, type InboxHandlerContext, type InboxOptions, type InboxReport, type PostgresInbox } from "./postgres/inbox.js";
export type { PgClient, PgPool } from "./postgres/transaction.js";
