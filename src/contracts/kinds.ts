import type { Comparison } from "../compat/document-contracts.js";
import type { ContractKind } from "../compat/finding.js";
import { settingsFor, type CharterConfig } from "../registry/config.js";
import type { Snapshot } from "../registry/snapshot.js";
import { CLAIMS } from "./recognise.js";

/** What every kind's comparison may need from the run. */
export interface CheckOptions {
  today: Date;
  /** The proposed version's charter.yaml. */
  config: CharterConfig;
  /** Validate AsyncAPI documents with their parser (the docs site's history reads without). */
  validate?: boolean;
}

/** A contract written as one YAML or JSON document (every kind but proto). */
export type DocumentKindName = Exclude<ContractKind, "proto">;

/**
 * One kind of contract, as the rest of charter meets it: its name, how its files are recognised,
 * how to ship a breaking change, and its comparison and generator, each imported only when a
 * registry holds that kind (ARCHITECTURE.md, "Contract kinds"). This file itself loads nothing heavy.
 */
export interface KindInfo {
  kind: ContractKind;
  /** As the docs site and reports name it. */
  label: string;
  /** Claims a registry file from its path and text alone, without parsing it. */
  claims(path: string, text: string): boolean;
  /** What to do instead of breaking a contract inside its major version (ARCHITECTURE.md, "The compatibility model"). */
  shipHint(id: string): string;
  /** Compares the kind's contracts of two versions; its machinery is imported on the first call. */
  check(against: Snapshot, input: Snapshot, options: CheckOptions): Promise<Comparison>;
  /** The kind's SDK packages by path below the output folder; its generator is imported on the first call. */
  generate(registry: Snapshot): Promise<Map<string, string>>;
}

/** `shop.users.v1` → `shop.users.v2`; undefined when the id carries no major version. */
function nextMajor(id: string): string | undefined {
  const match = /^(.*\bv)(\d+)((?:alpha|beta)\d*)?$/.exec(id);
  return match ? `${match[1]}${Number(match[2]) + 1}` : undefined;
}

/** Every kind, in the order a file is offered to them: the first that claims it owns it. */
export const KINDS: readonly KindInfo[] = [
  {
    kind: "proto",
    label: "Protobuf",
    claims: CLAIMS.proto,
    shipHint: (id) => {
      const next = nextMajor(id);
      return next ? `To ship it, add package ${next} beside ${id}.` : "To ship it, add a new major version of the package (.v2) beside this one.";
    },
    check: async (against, input, { config }) => (await import("../compat/proto/check.js")).checkProto(against, input, config.breaking),
    generate: async (registry) => (await import("../codegen/proto/generate.js")).generateConnectClients(registry),
  },
  {
    kind: "openapi",
    label: "OpenAPI",
    claims: CLAIMS.openapi,
    shipHint: () => "To ship it, add a /v2 path (or a v2 API) beside the old one and deprecate the old one with a sunset.",
    check: async (against, input, { today }) => (await import("../compat/openapi/check.js")).checkOpenApi(against, input, { today }),
    generate: async (registry) => (await import("../codegen/openapi/generate.js")).generateOpenApiClients(registry),
  },
  {
    kind: "asyncapi",
    label: "AsyncAPI",
    claims: CLAIMS.asyncapi,
    shipHint: () => "To ship it, publish a new .v2 event type and channel beside the old ones.",
    check: async (against, input, { today, validate }) => (await import("../compat/asyncapi/check.js")).checkAsyncApi(against, input, { today, validate }),
    generate: async (registry) => (await import("../codegen/asyncapi/generate.js")).generateEventPackages(registry),
  },
  {
    kind: "jsonschema",
    label: "JSON Schema",
    claims: CLAIMS.jsonschema,
    shipHint: () => "To ship it, publish a new major version of the schema (a new $id, .v2) beside the old one.",
    check: async (against, input, { config }) => (await import("../compat/jsonschema/check.js"))
      .checkJsonSchema(against, input, { strict: (id, path) => settingsFor(config, id, [path]).strict === true }),
    // A JSON Schema contract is data: its types come with the API or event packages that use it.
    generate: async () => new Map(),
  },
];

export const kindInfo = (kind: ContractKind): KindInfo => KINDS.find((k) => k.kind === kind)!;

/** The kinds a snapshot holds files of. */
export const kindsIn = (...snapshots: Snapshot[]): KindInfo[] =>
  KINDS.filter((k) => snapshots.some((s) => [...s.files].some(([path, text]) => k.claims(path, text))));
