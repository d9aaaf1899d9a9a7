import type { SchemaChangeKind } from "../../rules/catalog/schema-kinds.js";

/**
 * The rule ID of a schema change: the engine's kebab-case kind as it is (`property-removed`,
 * `max-length-decreased`, `enum-value-added`). A JSON Schema contract is nothing but a schema, so
 * unlike OpenAPI there is no location to prefix, and no kind collides with the contract-level
 * `contract-added`/`contract-removed`. Kept as the one place rule IDs are made, so a future
 * prefix or rename changes every finding and fingerprint together.
 */
export const ruleId = (kind: SchemaChangeKind): SchemaChangeKind => kind;
