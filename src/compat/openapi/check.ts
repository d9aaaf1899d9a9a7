import { loadOpenApi, looksLikeOpenApi, type OpenApiDocument } from "../../contracts/openapi/document.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import { compareDocuments, unstableInfo, type DocumentKind } from "../document-contracts.js";
import type { Change } from "../finding.js";
import { compareOpenApi } from "./compare.js";
import type { OpenApiOptions, OpenApiVersion } from "./version.js";

export interface OpenApiComparison {
  contracts: CheckedContract[];
  changes: Change[];
}

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

/** OpenAPI documents are API contracts: removing one breaks old clients; adding one, only new clients of old servers. */
const OPENAPI = (options: OpenApiOptions): DocumentKind<OpenApiVersion> => ({
  kind: "openapi",
  api: true,
  unstable: (version) => unstableInfo(version.document.root),
  compare: (before, after) => compareOpenApi(before, after, options),
  added: { backward: "compatible", forward: "conditional", message: (id) => `API "${id}" was added.` },
  removed: { backward: "breaking", forward: "compatible", message: (id) => `API "${id}" was removed; its clients lose it.` },
});

/** Compares every OpenAPI contract of two versions of a registry, paired by identity. */
export function checkOpenApi(against: Snapshot, input: Snapshot, options: OpenApiOptions): OpenApiComparison {
  return compareDocuments(versions(against), versions(input), input.contract !== undefined && against.contract !== undefined, OPENAPI(options));
}
