import { modelOf } from "./asyncapi/model.js";
import { InputError } from "../errors.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import type { YamlSource } from "../registry/yaml-source.js";
import { asyncApiDocument } from "./asyncapi/document.js";
import type { AsyncApiContract, Contract, DocumentContract, OpenApiContract, ProtoContract, SchemaViolation } from "./contract.js";
import { jsonSchemaDocument } from "./jsonschema/document.js";
import { kindOfFile } from "./recognise.js";
import { openApiDocument } from "./openapi/document.js";
import { validateOpenApi } from "./openapi/validate.js";
import { createSchemaSource, type RegistrySchemas } from "./schema-source.js";

/**
 * One version of a registry as contracts (ARCHITECTURE.md, "The contract model"): every YAML/JSON
 * document parsed once and its `$ref`s checked, whichever commands read it in one run.
 */
export interface Registry {
  snapshot: Snapshot;
  /** OpenAPI, AsyncAPI and JSON Schema contracts, by path. */
  documents: DocumentContract[];
  /** Where the documents' `$ref`s lead; every file of the version parsed at most once. */
  schemas: RegistrySchemas;
  /**
   * Proto packages from one build of every proto file, compiled on first call: `breaking` does
   * not call it, since it compiles only what a change can reach.
   */
  protos(): Promise<ProtoContract[]>;
}

export interface LoadOptions {
  /**
   * Check AsyncAPI documents against the official schema of their version (the default). Readers
   * of history (the docs site's changelog) skip it: they read versions, they do not gate them.
   */
  validate?: boolean;
  /** Also run @asyncapi/parser's rules beyond the schema (lint): the parser costs about a second. */
  parserRules?: boolean;
}

const documentSets = new WeakMap<Snapshot, Pick<Registry, "documents" | "schemas">>();
const registries = new WeakMap<Snapshot, Registry>();
const validations = new WeakMap<Snapshot, Promise<void>>();
const ruleChecks = new WeakMap<Snapshot, Promise<void>>();

/**
 * A snapshot's YAML/JSON contracts, parsed, `$ref`-checked and checked against the OpenAPI schema
 * once per snapshot, synchronously: what the document kinds' comparisons need.
 */
export function loadDocuments(snapshot: Snapshot): Pick<Registry, "documents" | "schemas"> {
  let set = documentSets.get(snapshot);
  if (!set) {
    set = parseDocuments(snapshot);
    documentSets.set(snapshot, set);
  }
  return set;
}

/** A snapshot's contracts; the same snapshot is loaded once however many commands read it. */
export async function loadRegistry(snapshot: Snapshot, options: LoadOptions = {}): Promise<Registry> {
  let registry = registries.get(snapshot);
  if (!registry) {
    let protos: Promise<ProtoContract[]> | undefined;
    registry = {
      snapshot,
      ...loadDocuments(snapshot),
      // The proto machinery costs start-up time: loaded only for registries that hold protos.
      protos: () => (protos ??= [...snapshot.files.keys()].some((path) => path.endsWith(".proto"))
        ? import("./proto/contracts.js").then((m) => m.protoContracts(snapshot))
        : Promise.resolve([])),
    };
    registries.set(snapshot, registry);
  }
  if (options.validate !== false) {
    let validated = validations.get(snapshot);
    if (!validated) {
      validated = validateAsyncApiDocuments(registry);
      validations.set(snapshot, validated);
    }
    await validated;
  }
  if (options.parserRules) {
    let checked = ruleChecks.get(snapshot);
    if (!checked) {
      checked = (validations.get(snapshot) ?? Promise.resolve()).then(() => checkAsyncApiRules(registry));
      ruleChecks.set(snapshot, checked);
    }
    await checked;
  }
  return registry;
}

/** Every contract of a registry: protos first (compiled), then the documents. */
export async function contractsOf(registry: Registry): Promise<Contract[]> {
  return [...(await registry.protos()), ...registry.documents];
}

function parseDocuments(snapshot: Snapshot): Pick<Registry, "documents" | "schemas"> {
  const schemas = createSchemaSource(snapshot.files, snapshot.base);
  const documents: DocumentContract[] = [];
  // A single contract file's neighbours are only there for its $refs and imports.
  const mine = [...snapshot.files].filter(([path]) => snapshot.contract === undefined || path === snapshot.contract);
  const found = mine.flatMap(([path, text]) => {
    const kind = kindOfFile(path, text);
    return kind === undefined || kind === "proto" ? [] : [[path, text, kind] as const];
  });
  // Sorted after filtering: a proto-only registry never calls localeCompare, whose first call
  // loads ICU's collator (a good part of a small run's start-up).
  found.sort(([a], [b]) => a.localeCompare(b));
  for (const [path, text, kind] of found) {
    const contract = documentContract(kind, path, text, schemas.source(path)!, schemas);
    if (!contract) continue;
    schemas.checkRefs(path);
    if (contract.kind === "openapi") validatedOnRead(contract);
    documents.push(contract);
  }
  refuseTwins(documents, snapshot);
  return { documents, schemas };
}

/**
 * An OpenAPI document is checked against the official schema when its violations are first read:
 * `breaking` reads only the proposed version's, so the version it is compared against (as large,
 * Stripe's are 2–4 MB) is never validated.
 */
function validatedOnRead(contract: OpenApiContract): void {
  let violations: SchemaViolation[] | undefined;
  const { document } = contract;
  Object.defineProperty(contract, "violations", {
    enumerable: true,
    get: () => (violations ??= [validateOpenApi(contract.path, document.version, document.root, document.source)].filter((v) => v !== undefined)),
  });
}

/** The official schema over every AsyncAPI document, its validator loaded only when there is one. */
async function validateAsyncApiDocuments(registry: Registry): Promise<void> {
  const documents = registry.documents.filter((c) => c.kind === "asyncapi");
  if (!documents.length) return;
  const { validateAsyncApi } = await import("./asyncapi/validate.js");
  for (const contract of documents) {
    const violation = validateAsyncApi(contract.document, registry.snapshot.files, registry.schemas);
    if (violation) contract.violations.push(violation);
  }
}

/** @asyncapi/parser's rules over every AsyncAPI document the schema accepts (one violation a document is enough). */
async function checkAsyncApiRules(registry: Registry): Promise<void> {
  const documents = registry.documents.filter((c): c is AsyncApiContract => c.kind === "asyncapi" && !c.violations.length);
  if (!documents.length) return;
  const { checkParserRules } = await import("./asyncapi/validate.js");
  for (const contract of documents) {
    const violation = await checkParserRules(contract.document, registry.snapshot.files, registry.schemas);
    if (violation) contract.violations.push(violation);
  }
}

function documentContract(kind: DocumentContract["kind"], path: string, text: string, source: YamlSource, schemas: RegistrySchemas): DocumentContract | undefined {
  const base = { path, schemas, violations: [] };
  if (kind === "openapi") {
    const document = openApiDocument(path, source);
    return { ...base, kind, id: document.id, api: true, document };
  }
  if (kind === "asyncapi") {
    const document = asyncApiDocument(path, text, source);
    return { ...base, kind, id: document.id, api: false, document, model: modelOf({ document, schemas }) };
  }
  const document = jsonSchemaDocument(path, source);
  return document && { ...base, kind, id: document.id, api: false, document };
}

/** Two contracts of one kind with one identity would overwrite each other's findings: refused where the second names it. */
function refuseTwins(documents: DocumentContract[], snapshot: Snapshot): void {
  const seen = new Map<string, DocumentContract>();
  for (const contract of documents) {
    const key = `${contract.kind}\0${contract.id}`;
    const twin = seen.get(key);
    if (twin) {
      const field = contract.kind === "openapi" ? ["info", "x-charter-id"] : contract.kind === "asyncapi" ? ["id"] : ["$id"];
      const { line, column } = contract.document.source.position(field);
      const name = contract.kind === "openapi" ? "x-charter-id" : field[0];
      throw new InputError(`${name} "${contract.id}" is also the ${name} of ${joinPath(snapshot.base, twin.path)}: a contract's identity must be unique`, contract.document.source.file, line, column);
    }
    seen.set(key, contract);
  }
}
