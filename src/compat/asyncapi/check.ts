import { loadAsyncApi, looksLikeAsyncApi } from "../../contracts/asyncapi/document.js";
import { validateAsyncApi } from "../../contracts/asyncapi/validate.js";
import { createSchemaSource } from "../../contracts/schema-source.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { CheckedContract } from "../contract.js";
import { compareDocuments, unstableInfo, type DocumentKind } from "../document-contracts.js";
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

/** Event contracts are data contracts (DESIGN.md §1, FULL by default): removing one breaks old consumers; a new one has none yet. */
const ASYNCAPI: DocumentKind<AsyncApiVersion> = {
  kind: "asyncapi",
  api: false,
  unstable: (version) => unstableInfo(version.document.root),
  compare: (before, after) => compareAsyncApi(before, after),
  added: { backward: "compatible", forward: "compatible", message: (id) => `Event contract "${id}" was added.` },
  removed: { backward: "compatible", forward: "breaking", message: (id) => `Event contract "${id}" was removed; its consumers lose its messages.` },
};

/** Compares every AsyncAPI contract (2.x or 3.0) of two versions of a registry, paired by identity. */
export async function checkAsyncApi(against: Snapshot, input: Snapshot, options: AsyncApiOptions): Promise<{ contracts: CheckedContract[]; changes: Change[] }> {
  const validate = options.validate !== false;
  return compareDocuments(await versions(against, validate), await versions(input, validate), input.contract !== undefined && against.contract !== undefined, ASYNCAPI);
}
