import type { RuleMeta } from "../rule-meta.js";

/**
 * Avro payloads of AsyncAPI messages, judged by Avro's own schema resolution (avsc's resolver, a
 * reader schema against a writer schema) as Confluent Schema Registry judges them: BACKWARD asks
 * whether the new schema reads data written with the old, FORWARD whether the old reads data
 * written with the new, FULL both. Each direction's verdict is the resolver's answer.
 */
const entry = <const I extends string>(id: I, description: string, verdicts?: { backward: "compatible" | "breaking"; forward: "compatible" | "breaking" }) =>
  ({ id, kinds: ["asyncapi"] as const, check: "breaking" as const, category: "payload", description, ...(verdicts ? { verdicts } : {}) });

export const AVRO_BREAKING_RULES = [
  entry("message-avro-payload-changed", "A message's Avro payload schema changed and Avro's schema resolution reads data both ways: new readers read old data and old readers read new data (FULL).", { backward: "compatible", forward: "compatible" }),
  entry("message-avro-payload-backward-incompatible", "A message's Avro payload schema changed so that new readers cannot resolve data written with the old schema (Confluent BACKWARD fails): a field added without a default, a union branch or enum symbol removed, a record renamed without an alias of its old name.", { backward: "breaking", forward: "compatible" }),
  entry("message-avro-payload-forward-incompatible", "A message's Avro payload schema changed so that old readers cannot resolve data written with the new schema (Confluent FORWARD fails): a field removed that had no default, int widened to long, an enum symbol added to an enum without a default, a union branch added.", { backward: "compatible", forward: "breaking" }),
  entry("message-avro-payload-incompatible", "A message's Avro payload schema changed so that neither side resolves the other's data (both BACKWARD and FORWARD fail): a type changed to one Avro does not promote, a record renamed without aliases.", { backward: "breaking", forward: "breaking" }),
  entry("message-payload-format-changed", "A message's payload moved between Avro and JSON Schema: readers decode it with the wrong format.", { backward: "breaking", forward: "breaking" }),
] as const satisfies readonly RuleMeta[];
