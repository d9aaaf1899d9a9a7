import type { AsyncApiContract } from "../../contracts/contract.js";
import { loadRegistry } from "../../contracts/load-registry.js";
import type { Snapshot } from "../../registry/snapshot.js";
import { compareDocuments, documentsOfKind, unstableInfo, type Comparison, type DocumentKind } from "../document-contracts.js";
import { compareAsyncApi } from "./compare.js";

export interface AsyncApiOptions {
  /** Today, for deprecation and sunset dates. */
  today: Date;
  /**
   * Validate documents against the official schema of their version (the default). The docs site
   * turns it off for the versions in its history: it reads them, it does not gate them.
   */
  validate?: boolean;
}

/** Event contracts are data contracts (ARCHITECTURE.md, "The compatibility model", FULL by default): removing one breaks old consumers; a new one has none yet. */
const ASYNCAPI: DocumentKind<AsyncApiContract> = {
  kind: "asyncapi",
  api: false,
  unstable: (version) => unstableInfo(version.document.root),
  compare: (before, after) => compareAsyncApi(before, after),
  added: { backward: "compatible", forward: "compatible", message: (id) => `Event contract "${id}" was added.` },
  removed: { backward: "compatible", forward: "breaking", message: (id) => `Event contract "${id}" was removed; its consumers lose its messages.` },
};

/** Compares every AsyncAPI contract (2.x or 3.0) of two versions of a registry, paired by identity. */
export async function checkAsyncApi(against: Snapshot, input: Snapshot, options: AsyncApiOptions): Promise<Comparison> {
  const [before, after] = await Promise.all([against, input].map((snapshot) => loadRegistry(snapshot, { validate: options.validate })));
  return compareDocuments(documentsOfKind(before, "asyncapi"), documentsOfKind(after, "asyncapi"), input.contract !== undefined && against.contract !== undefined, ASYNCAPI);
}
