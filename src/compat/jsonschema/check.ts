import type { JsonSchemaContract } from "../../contracts/contract.js";
import { loadDocuments } from "../../contracts/load-registry.js";
import type { Snapshot } from "../../registry/snapshot.js";
import { compareDocuments, documentsOfKind, type Comparison, type DocumentKind } from "../document-contracts.js";
import { compareJsonSchema } from "./compare.js";

export interface JsonSchemaOptions {
  /** Whether a contract reads open content models strictly (charter.yaml `contracts.<glob>.strict`). */
  strict(id: string, path: string): boolean;
}

/**
 * JSON Schema contracts are data contracts (ARCHITECTURE.md, "The compatibility model"): a new schema reads no old data and
 * breaks no old reader; a removed one strands the data already written (conditional: fine if none
 * is kept) and the readers still expecting it.
 */
const JSON_SCHEMA = (options: JsonSchemaOptions): DocumentKind<JsonSchemaContract> => ({
  kind: "jsonschema",
  api: false,
  unstable: (version) => version.document.unstable,
  compare: (before, after, id) => compareJsonSchema(before, after, options.strict(id, after.document.file)),
  added: { backward: "compatible", forward: "compatible", message: (id) => `JSON Schema "${id}" was added.` },
  removed: { backward: "conditional", forward: "breaking", message: (id) => `JSON Schema "${id}" was removed; its data is no longer described and its readers get none.` },
});

/** Compares every JSON Schema contract (`*.schema.json`, `*.schema.yaml`) of two versions of a registry, paired by identity. */
export function checkJsonSchema(against: Snapshot, input: Snapshot, options: JsonSchemaOptions): Comparison {
  return compareDocuments(documentsOfKind(loadDocuments(against), "jsonschema"), documentsOfKind(loadDocuments(input), "jsonschema"), input.contract !== undefined && against.contract !== undefined, JSON_SCHEMA(options));
}
