import { isRef } from "../contracts/schema-source.js";
import type { SchemaPointer, SchemaSource } from "../contracts/schema-pointer.js";

/**
 * The schema at `at` when the caller already holds `written`, the value written there (a child of
 * a schema it has in hand): only a `$ref` goes through the source. Walking a Stripe spec, looking
 * up every node by its pointer made the source cache some 100,000 places the docs never ask for twice.
 */
export function resolveWritten(schemas: SchemaSource, at: SchemaPointer, written: unknown): { value: unknown; at: SchemaPointer } {
  return isRef(written) ? schemas.resolve(at) : { value: written, at };
}
