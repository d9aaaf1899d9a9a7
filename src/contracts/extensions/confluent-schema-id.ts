import type { Parsed } from "./declared.js";

/**
 * `x-charter-confluent-schema-id: <id>` on a message with an Avro payload: the schema's id in a
 * Confluent Schema Registry. Generated producers then write Confluent's wire format (a zero byte
 * and the id before the Avro binary), and consumers expect it; without it, plain Avro binary.
 */
export const CONFLUENT_SCHEMA_ID = "x-charter-confluent-schema-id";

export function parseConfluentSchemaId(raw: unknown): Parsed<number> {
  // Confluent's ids are 32-bit, written big-endian after the magic byte.
  return Number.isInteger(raw) && (raw as number) >= 0 && (raw as number) <= 0xffffffff ? { value: raw as number } : { problem: "is not a schema id (an integer from 0 to 4294967295)" };
}
