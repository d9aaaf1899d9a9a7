import { JSON_SCHEMA_FILE, loadJsonSchema } from "../../contracts/jsonschema/document.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { InputError } from "../../errors.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import { compareDocuments, type DocumentKind } from "../document-contracts.js";
import type { Change } from "../finding.js";
import { compareJsonSchema } from "./compare.js";
import type { JsonSchemaVersion } from "./version.js";

export interface JsonSchemaOptions {
  /** Whether a contract reads open content models strictly (charter.yaml `contracts.<glob>.strict`). */
  strict(id: string, path: string): boolean;
}

/** Every JSON Schema contract of a snapshot by identity, with a schema source over all of its YAML/JSON files. */
function versions(snapshot: Snapshot): Map<string, JsonSchemaVersion> {
  const parsed = new Map<string, YamlSource>();
  const schemas = createSchemaSource(snapshot.files, snapshot.base, parsed);
  const found = new Map<string, JsonSchemaVersion>();
  for (const [path, text] of snapshot.files) {
    // A single contract file's neighbours are only there for its $refs.
    if (snapshot.contract !== undefined && path !== snapshot.contract) continue;
    if (!JSON_SCHEMA_FILE.test(path)) continue;
    const document = loadJsonSchema(path, text, joinPath(snapshot.base, path));
    if (!document) continue;
    const twin = found.get(document.id);
    if (twin) {
      const { line, column } = document.source.position(["$id"]);
      throw new InputError(`$id "${document.id}" is also the $id of ${joinPath(snapshot.base, twin.document.file)}: a contract's identity must be unique`, document.source.file, line, column);
    }
    parsed.set(path, document.source);
    schemas.checkRefs(path);
    found.set(document.id, { document, schemas, parsed });
  }
  return found;
}

/**
 * JSON Schema contracts are data contracts (DESIGN.md §1): a new schema reads no old data and
 * breaks no old reader; a removed one strands the data already written (conditional: fine if none
 * is kept) and the readers still expecting it.
 */
const JSON_SCHEMA = (options: JsonSchemaOptions): DocumentKind<JsonSchemaVersion> => ({
  kind: "jsonschema",
  api: false,
  unstable: (version) => version.document.unstable,
  compare: (before, after, id) => compareJsonSchema(before, after, options.strict(id, after.document.file)),
  added: { backward: "compatible", forward: "compatible", message: (id) => `JSON Schema "${id}" was added.` },
  removed: { backward: "conditional", forward: "breaking", message: (id) => `JSON Schema "${id}" was removed; its data is no longer described and its readers get none.` },
});

/** Compares every JSON Schema contract (`*.schema.json`, `*.schema.yaml`) of two versions of a registry, paired by identity. */
export function checkJsonSchema(against: Snapshot, input: Snapshot, options: JsonSchemaOptions): { contracts: CheckedContract[]; changes: Change[] } {
  return compareDocuments(versions(against), versions(input), input.contract !== undefined && against.contract !== undefined, JSON_SCHEMA(options));
}
