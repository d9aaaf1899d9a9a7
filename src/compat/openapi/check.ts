import { loadOpenApi, looksLikeOpenApi, type OpenApiDocument } from "../../contracts/openapi/document.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";
import { compareOpenApi } from "./compare.js";
import type { OpenApiOptions, OpenApiVersion } from "./version.js";

export interface OpenApiComparison {
  contracts: CheckedContract[];
  changes: Change[];
}

const UNSTABLE_LEVELS = new Set(["draft", "alpha", "beta"]);

/** Every OpenAPI document of a snapshot, with a schema source over all of its YAML/JSON files. */
function versions(snapshot: Snapshot): Map<string, OpenApiVersion> {
  const parsed = new Map<string, YamlSource>();
  const schemas = createSchemaSource(snapshot.files, snapshot.base, parsed);
  const found = new Map<string, OpenApiVersion>();
  for (const [path, text] of snapshot.files) {
    // A single contract file's neighbours are only there for its $refs.
    if (snapshot.contract !== undefined && path !== snapshot.contract) continue;
    if (!/\.(ya?ml|json)$/.test(path) || !looksLikeOpenApi(text)) continue;
    const document: OpenApiDocument = loadOpenApi(path, text, joinPath(snapshot.base, path));
    parsed.set(path, document.source);
    schemas.checkRefs(path);
    found.set(document.id, { document, schemas });
  }
  return found;
}

/** Two single files are one contract whatever their names: the old one takes the new one's identity. */
function alignSingle(previous: Map<string, OpenApiVersion>, current: Map<string, OpenApiVersion>, single: boolean): void {
  if (!single || previous.size !== 1 || current.size !== 1) return;
  const [[oldId, version]] = previous;
  const [newId] = current.keys();
  previous.delete(oldId);
  previous.set(newId, version);
}

function isUnstable(document: OpenApiDocument): boolean {
  const info = document.root.info as Record<string, unknown> | undefined;
  return UNSTABLE_LEVELS.has(String(info?.["x-stability-level"] ?? ""));
}

/** Compares every OpenAPI contract of two versions of a registry, paired by identity. */
export function checkOpenApi(against: Snapshot, input: Snapshot, options: OpenApiOptions): OpenApiComparison {
  const previous = versions(against);
  const current = versions(input);
  alignSingle(previous, current, input.contract !== undefined && against.contract !== undefined);
  const contracts: CheckedContract[] = [];
  const changes: Change[] = [];
  for (const id of [...new Set([...previous.keys(), ...current.keys()])].sort()) {
    const before = previous.get(id);
    const after = current.get(id);
    const { document } = (after ?? before)!;
    const found = before && after ? compareOpenApi(before, after, options) : [];
    const modified = before && after && (found.length > 0 || JSON.stringify(before.document.root) !== JSON.stringify(after.document.root));
    const change = !before ? "added" : !after ? "removed" : modified ? "modified" : "unchanged";
    contracts.push({ id, kind: "openapi", path: document.file, api: true, unstable: isUnstable(document), change });
    changes.push(...found);
    if (!before || !after) {
      const where = { file: document.file, line: 1, column: 1 };
      changes.push({
        rule: after ? "contract-added" : "contract-removed",
        kind: "openapi",
        contract: id,
        // Removing an API breaks old clients; adding one breaks only new clients of old servers.
        backward: after ? "compatible" : "breaking",
        forward: after ? "conditional" : "compatible",
        message: after ? `API "${id}" was added.` : `API "${id}" was removed; its clients lose it.`,
        location: after ? where : undefined,
        before: after ? undefined : where,
        element: id,
      });
    }
  }
  return { contracts, changes };
}
