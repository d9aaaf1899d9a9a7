import { JSON_SCHEMA_FILE, loadJsonSchema } from "../../contracts/jsonschema/document.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { InputError } from "../../errors.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";
import { canonical } from "../schema/view.js";
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

/** Two single files are one contract whatever their names or `$id`s: the old one takes the new one's identity. */
function alignSingle(previous: Map<string, JsonSchemaVersion>, current: Map<string, JsonSchemaVersion>, single: boolean): void {
  if (!single || previous.size !== 1 || current.size !== 1) return;
  const [[oldId, version]] = previous;
  const [newId] = current.keys();
  previous.delete(oldId);
  previous.set(newId, version);
}

/** A contract present on one side only. Removing a data contract leaves old data nobody reads and old readers nothing new. */
function lifecycle(id: string, version: JsonSchemaVersion, added: boolean): Change {
  const where = { file: version.document.file, line: 1, column: 1 };
  return {
    rule: added ? "contract-added" : "contract-removed",
    kind: "jsonschema",
    contract: id,
    // Data contracts (DESIGN.md §1): a new schema reads no old data and breaks no old reader;
    // a removed one strands the data already written (conditional: fine if none is kept) and the
    // readers still expecting it.
    backward: added ? "compatible" : "conditional",
    forward: added ? "compatible" : "breaking",
    message: added ? `JSON Schema "${id}" was added.` : `JSON Schema "${id}" was removed; its data is no longer described and its readers get none.`,
    location: added ? where : undefined,
    before: added ? undefined : where,
    element: id,
  };
}

/** Compares every JSON Schema contract (`*.schema.json`, `*.schema.yaml`) of two versions of a registry, paired by identity. */
export function checkJsonSchema(against: Snapshot, input: Snapshot, options: JsonSchemaOptions): { contracts: CheckedContract[]; changes: Change[] } {
  const previous = versions(against);
  const current = versions(input);
  alignSingle(previous, current, input.contract !== undefined && against.contract !== undefined);
  const contracts: CheckedContract[] = [];
  const changes: Change[] = [];
  for (const id of [...new Set([...previous.keys(), ...current.keys()])].sort()) {
    const before = previous.get(id);
    const after = current.get(id);
    const { document } = (after ?? before)!;
    const found = before && after ? compareJsonSchema(before, after, options.strict(id, document.file)) : [];
    const modified = before && after && (found.length > 0 || canonical(before.document.root) !== canonical(after.document.root));
    const change = !before ? "added" : !after ? "removed" : modified ? "modified" : "unchanged";
    contracts.push({ id, kind: "jsonschema", path: document.file, api: false, unstable: document.unstable, change });
    changes.push(...found);
    if (!before || !after) changes.push(lifecycle(id, (after ?? before)!, after !== undefined));
  }
  return { contracts, changes };
}
