import type { ContractKind } from "../compat/finding.js";

/** A contract written as one YAML or JSON document (every kind but proto). */
export type DocumentKindName = Exclude<ContractKind, "proto">;

/**
 * What charter knows about a kind of contract before loading any of its machinery: its name, how
 * its files are recognised, and how to ship a breaking change. Everything heavy (parsers,
 * comparison, generators, docs views) hangs off `contracts/<kind>/kind.ts`, imported only when a
 * registry holds that kind (ARCHITECTURE.md, "Contract kinds").
 */
export interface KindInfo {
  kind: ContractKind;
  /** As the docs site and reports name it. */
  label: string;
  /** Claims a registry file from its path and text alone, without parsing it. */
  claims(path: string, text: string): boolean;
  /** What to do instead of breaking a contract inside its major version (DESIGN.md §3). */
  shipHint(id: string): string;
}

const DOCUMENT = /\.(ya?ml|json)$/;
/** JSON Schema contracts are recognised by name, since a schema has no keyword every schema carries. */
export const JSON_SCHEMA_FILE = /\.schema\.(json|ya?ml)$/;

/** A top-level key of a YAML document, or one near the start of a JSON one. */
const topLevel = (key: string) => (text: string) => new RegExp(`^(${key})\\s*:`, "m").test(text) || new RegExp(`^\\s*\\{[\\s\\S]{0,200}?"(${key})"\\s*:`).test(text);
export const looksLikeOpenApi = topLevel("openapi|swagger");
export const looksLikeAsyncApi = topLevel("asyncapi");

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
    claims: (path) => path.endsWith(".proto"),
    shipHint: (id) => {
      const next = nextMajor(id);
      return next ? `To ship it, add package ${next} beside ${id}.` : "To ship it, add a new major version of the package (.v2) beside this one.";
    },
  },
  {
    kind: "openapi",
    label: "OpenAPI",
    claims: (path, text) => DOCUMENT.test(path) && looksLikeOpenApi(text),
    shipHint: () => "To ship it, add a /v2 path (or a v2 API) beside the old one and deprecate the old one with a sunset.",
  },
  {
    kind: "asyncapi",
    label: "AsyncAPI",
    claims: (path, text) => DOCUMENT.test(path) && looksLikeAsyncApi(text),
    shipHint: () => "To ship it, publish a new .v2 event type and channel beside the old ones.",
  },
  {
    kind: "jsonschema",
    label: "JSON Schema",
    claims: (path) => JSON_SCHEMA_FILE.test(path),
    shipHint: () => "To ship it, publish a new major version of the schema (a new $id, .v2) beside the old one.",
  },
];

export const kindInfo = (kind: ContractKind): KindInfo => KINDS.find((k) => k.kind === kind)!;

/** The kind that owns a registry file, if any. */
export const kindOfFile = (path: string, text: string): ContractKind | undefined => KINDS.find((k) => k.claims(path, text))?.kind;
