/**
 * The outbox and inbox tables: what ensureSchema runs, and each event package's
 * migrations/charter-events.sql (charter's generator imports this module for it).
 */
export const schemaSql = `-- The tables of the Postgres outbox (producers) and inbox (consumers) of charter-generated event
-- packages. Safe to run again: a migration of its own, or ensureSchema(pool) at start-up.

-- Events written inside business transactions, until a relay has sent them.
CREATE TABLE IF NOT EXISTS charter_outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  address text,
  -- The events kept in order: channel, source and partition key, as JSON; null for events without a key.
  ordering_key text,
  -- 1, 2, 3… per ordering key, in commit order; the event's CloudEvents sequence attribute.
  sequence bigint,
  -- The CloudEvent, structured (attributes and data in one JSON document).
  event jsonb NOT NULL,
  headers jsonb,
  -- The send operation's declared x-charter-retry ({ attempts, initialMs, maxMs }); null: the relay's own policy.
  retry jsonb,
  -- pending → sent, or dead once the relay has tried max attempts (it then holds its key's later events back).
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX IF NOT EXISTS charter_outbox_pending ON charter_outbox (id) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS charter_outbox_unsent_by_key ON charter_outbox (ordering_key, id) WHERE state <> 'sent';

-- The last sequence given out per ordering key; its row lock orders the transactions writing one key.
CREATE TABLE IF NOT EXISTS charter_outbox_keys (
  ordering_key text PRIMARY KEY,
  last_sequence bigint NOT NULL
);

-- One record per event handled, committed with the handler's writes: the dedup record.
CREATE TABLE IF NOT EXISTS charter_inbox (
  -- Operation, source and id, as the consumer keys events.
  key text PRIMARY KEY,
  operation text NOT NULL,
  source text NOT NULL,
  id text NOT NULL,
  handled_at timestamptz NOT NULL DEFAULT now()
);

-- The last sequence handled per operation and ordering key (channel, source, partition key).
CREATE TABLE IF NOT EXISTS charter_inbox_keys (
  operation text NOT NULL,
  ordering_key text NOT NULL,
  last_sequence bigint NOT NULL,
  PRIMARY KEY (operation, ordering_key)
);

-- Events that arrived ahead of their predecessor, handled once it has been.
CREATE TABLE IF NOT EXISTS charter_inbox_parked (
  operation text NOT NULL,
  ordering_key text NOT NULL,
  sequence bigint NOT NULL,
  data jsonb,
  event jsonb NOT NULL,
  parameters jsonb NOT NULL,
  headers jsonb NOT NULL,
  PRIMARY KEY (operation, ordering_key, sequence)
);
`;
