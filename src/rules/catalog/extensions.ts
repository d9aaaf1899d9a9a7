import type { RuleMeta } from "../rule-meta.js";

/**
 * The breaking-change rules of charter's `x-charter-*` resilience extensions (see ARCHITECTURE.md),
 * as plain catalog entries: src/contracts/extensions/compare.ts emits exactly these ids. Each
 * verdict pair follows the compatibility model of ARCHITECTURE.md: for OpenAPI backward = new
 * server with old clients, forward = old server with new clients; for AsyncAPI backward = new readers with old data, forward = old
 * readers with new data. Only a changed or dropped declaration is a finding (a first declaration
 * binds no one who relied on the old contract), except an idempotency key added.
 */
export const EXTENSION_RULES = [
  // New clients give up sooner than the old server promised to answer within.
  {
    id: "api-timeout-decreased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "An operation's declared `x-charter-timeout` (its own, its path item's or the document's) got shorter, or went and the 10 s default is shorter. New clients stop waiting before an old server that was allowed the longer time may answer.",
  },
  // The new server may take longer than old clients wait.
  {
    id: "api-timeout-increased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "An operation's declared `x-charter-timeout` got longer, or went and the 10 s default is longer. The new server may now answer later than old clients, generated with the shorter timeout, wait.",
  },
  // Old clients keep retrying more often than the new server is sized for.
  {
    id: "api-retry-attempts-decreased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "An operation's declared `x-charter-retry.attempts` went down (or went, and the default 3 is fewer): the server takes fewer repeated calls, but old clients still retry as often as before.",
  },
  // New clients retry more often than the old server is sized for.
  {
    id: "api-retry-attempts-increased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "An operation's declared `x-charter-retry.attempts` went up (or went, and the default 3 is more): new clients retry more often than an old server was sized for.",
  },
  // Old clients keep adding the old share of retries to the new server's load.
  {
    id: "api-retry-budget-decreased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "The document's declared `x-charter-retry.budget` (the share of extra calls retries may add; 10% when none) went down, but old clients still retry within the larger budget.",
  },
  // New clients add more retries than the old server budgeted for.
  {
    id: "api-retry-budget-increased",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "The document's `x-charter-retry.budget` went up: new clients may add more retries than an old server budgeted for.",
  },
  // Old clients retry on a key the new server no longer honours: a retried request is applied twice.
  {
    id: "api-idempotency-key-removed",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "breaking", forward: "compatible" },
    description:
      "An operation no longer declares an idempotency key (`x-charter-idempotency-key` or an `Idempotency-Key` header parameter). Old clients still retry it with a key the new server no longer de-duplicates by, so a retried request may be applied twice.",
  },
  // New clients retry with a key an old server may ignore.
  {
    id: "api-idempotency-key-added",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "An operation now declares an idempotency key, so new clients retry it; an old server that does not de-duplicate by the key applies a retried request twice.",
  },
  // Each side sends or reads the key in a header the other does not use.
  {
    id: "api-idempotency-key-changed",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "breaking", forward: "breaking" },
    description:
      "An operation's idempotency key moved to another header: old clients send the key where the new server does not look, and new clients where an old server does not.",
  },
  // New clients rely on a promise an old server never made.
  {
    id: "api-slo-tightened",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "An operation's declared `x-charter-slo` (its own, its path item's or `info`'s) got stricter: a lower p99 latency or a smaller error budget. New clients size their timeouts and alerts on a promise an old server did not make.",
  },
  // Old clients sized their timeouts and alerts on the stricter promise.
  {
    id: "api-slo-loosened",
    kinds: ["openapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "An operation's `x-charter-slo` got looser or was removed: old clients sized their timeouts and alerts on a promise the new server no longer makes.",
  },
  // New consumers dead-letter old producers' messages to another channel than the one old dead-letter readers watch; old readers of the dead-letter channel stop receiving.
  {
    id: "operation-dead-letter-changed",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "breaking" },
    description:
      "A receive operation's declared dead-letter channel (`x-charter-dead-letter`) changed, or was removed so dead letters go to `<channel>.dlq`. Whoever reads the old dead-letter channel no longer gets the messages the consumer gives up on, and messages already parked there are left behind.",
  },
  // New consumers give up sooner on messages old producers wrote expecting the old number of tries.
  {
    id: "operation-retry-decreased",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "A receive operation's declared `x-charter-retry` allows fewer handler attempts or fewer deliveries (`max-deliver`) than before: messages that a transient failure would have let through are dead-lettered sooner.",
  },
  // New readers rely on a delivery promise old producers never made.
  {
    id: "channel-slo-tightened",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "A channel's declared `x-charter-slo` (its own or `info`'s) got stricter. New consumers rely on latency and error figures the old producers of the channel never promised.",
  },
  // Old readers sized their alerts on the stricter promise the new producers no longer keep.
  {
    id: "channel-slo-loosened",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "conditional" },
    description:
      "A channel's `x-charter-slo` got looser or was removed: old consumers sized their alerts on figures the new producers no longer promise.",
  },
  // Events about one key move to another partition: readers on both sides see them out of order across the switch.
  {
    id: "message-business-key-changed",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "breaking", forward: "breaking" },
    description:
      "A message's `x-charter-business-key` names another payload property. Producers partition by it, so events about one entity written before and after the change land on different partitions and lose their per-key order.",
  },
  // Old readers rely on a per-key order that new data no longer has.
  {
    id: "message-business-key-removed",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "compatible", forward: "breaking" },
    description:
      "A message no longer declares `x-charter-business-key`: new producers no longer partition by it, and old consumers that rely on per-key order get events out of order.",
  },
  // New readers reject the unknown values old writers were promised readers would map to the fallback.
  {
    id: "message-enum-fallback-removed",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "compatible" },
    description:
      "An enum of a message's payload lost its `x-charter-enum-fallback`: new consumers reject values they do not know, which writers promised a fallback may already send.",
  },
  // An unknown value means one thing to old readers and another to new ones.
  {
    id: "message-enum-fallback-changed",
    kinds: ["asyncapi"],
    check: "breaking",
    category: "resilience",
    verdicts: { backward: "conditional", forward: "conditional" },
    description:
      "An enum of a message's payload maps unknown values to another `x-charter-enum-fallback`: old and new consumers read the same unknown value differently.",
  },
] as const satisfies readonly RuleMeta[];

export type ExtensionRuleId = (typeof EXTENSION_RULES)[number]["id"];
