import type { OpenApiContract } from "../../contracts/contract.js";
import { loadDocuments } from "../../contracts/load-registry.js";
import type { Snapshot } from "../../registry/snapshot.js";
import { compareDocuments, documentsOfKind, unstableInfo, type Comparison, type DocumentKind } from "../document-contracts.js";
import { compareOpenApi } from "./compare.js";
import { movedOpenApi } from "./moved.js";
import type { OpenApiOptions } from "./options.js";

/** OpenAPI documents are API contracts: removing one breaks old clients; adding one, only new clients of old servers. */
const OPENAPI = (options: OpenApiOptions): DocumentKind<OpenApiContract> => ({
  kind: "openapi",
  api: true,
  unstable: (version) => unstableInfo(version.document.root),
  compare: (before, after) => compareOpenApi(before, after, options),
  added: { backward: "compatible", forward: "conditional", message: (id) => `API "${id}" was added.` },
  removed: { backward: "breaking", forward: "compatible", message: (id) => `API "${id}" was removed; its clients lose it.` },
  moved: movedOpenApi,
});

/** Compares every OpenAPI contract of two versions of a registry, paired by identity. */
export function checkOpenApi(against: Snapshot, input: Snapshot, options: OpenApiOptions): Comparison {
  return compareDocuments(documentsOfKind(loadDocuments(against), "openapi"), documentsOfKind(loadDocuments(input), "openapi"), input.contract !== undefined && against.contract !== undefined, OPENAPI(options));
}
