import { loadAsyncApi, looksLikeAsyncApi, type AsyncApiDocument } from "../../contracts/asyncapi/document.js";
import { validateAsyncApi } from "../../contracts/asyncapi/validate.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";
import { compareAsyncApi } from "./compare.js";
import type { AsyncApiVersion } from "./version.js";

export interface AsyncApiOptions {
  /** Today, for deprecation and sunset dates. */
  today: Date;
  /**
   * Validate documents with @asyncapi/parser (the default). The docs site turns it off for the
   * versions in its history: it reads them, it does not gate them, and the parser costs ~0.4 s a document.
   */
  validate?: boolean;
}

const UNSTABLE_LEVELS = new Set(["draft", "alpha", "beta"]);

/** Every AsyncAPI document of a snapshot, validated, with a schema source over all of its YAML/JSON files. */
async function versions(snapshot: Snapshot, validate: boolean): Promise<Map<string, AsyncApiVersion>> {
  const parsed = new Map<string, YamlSource>();
  const schemas = createSchemaSource(snapshot.files, snapshot.base, parsed);
  const found = new Map<string, AsyncApiVersion>();
  for (const [path, text] of snapshot.files) {
    // A single contract file's neighbours are only there for its $refs.
    if (snapshot.contract !== undefined && path !== snapshot.contract) continue;
    if (!/\.(ya?ml|json)$/.test(path) || !looksLikeAsyncApi(text)) continue;
    const document = loadAsyncApi(path, text, joinPath(snapshot.base, path));
    parsed.set(path, document.source);
    // Remote and escaping $refs are refused before the parser could try to follow them.
    schemas.checkRefs(path);
    if (validate) await validateAsyncApi(document, snapshot.files, (file) => joinPath(snapshot.base, file));
    found.set(document.id, { document, schemas });
  }
  return found;
}

/** Two single files are one contract whatever their names: the old one takes the new one's identity. */
function alignSingle(previous: Map<string, AsyncApiVersion>, current: Map<string, AsyncApiVersion>, single: boolean): void {
  if (!single || previous.size !== 1 || current.size !== 1) return;
  const [[oldId, version]] = previous;
  const [newId] = current.keys();
  previous.delete(oldId);
  previous.set(newId, version);
}

function isUnstable(document: AsyncApiDocument): boolean {
  const info = document.root.info as Record<string, unknown> | undefined;
  return UNSTABLE_LEVELS.has(String(info?.["x-stability-level"] ?? ""));
}

/** Compares every AsyncAPI contract (2.x or 3.0) of two versions of a registry, paired by identity. */
export async function checkAsyncApi(against: Snapshot, input: Snapshot, options: AsyncApiOptions): Promise<{ contracts: CheckedContract[]; changes: Change[] }> {
  const previous = await versions(against, options.validate !== false);
  const current = await versions(input, options.validate !== false);
  alignSingle(previous, current, input.contract !== undefined && against.contract !== undefined);
  const contracts: CheckedContract[] = [];
  const changes: Change[] = [];
  for (const id of [...new Set([...previous.keys(), ...current.keys()])].sort()) {
    const before = previous.get(id);
    const after = current.get(id);
    const { document } = (after ?? before)!;
    const found = before && after ? compareAsyncApi(before, after) : [];
    const modified = before && after && (found.length > 0 || JSON.stringify(before.document.root) !== JSON.stringify(after.document.root));
    const change = !before ? "added" : !after ? "removed" : modified ? "modified" : "unchanged";
    // Messages are data contracts (DESIGN.md §1): FULL by default.
    contracts.push({ id, kind: "asyncapi", path: document.file, api: false, unstable: isUnstable(document), change });
    changes.push(...found);
    if (!before || !after) {
      const where = { file: document.file, line: 1, column: 1 };
      changes.push({
        rule: after ? "contract-added" : "contract-removed",
        kind: "asyncapi",
        contract: id,
        // Removing an event contract breaks old consumers; a new one has none yet.
        backward: "compatible",
        forward: after ? "compatible" : "breaking",
        message: after ? `Event contract "${id}" was added.` : `Event contract "${id}" was removed; its consumers lose its messages.`,
        location: after ? where : undefined,
        before: after ? undefined : where,
        element: id,
      });
    }
  }
  return { contracts, changes };
}
