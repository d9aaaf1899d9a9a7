import type { ContractKind } from "../compat/finding.js";

const DOCUMENT = /\.(ya?ml|json)$/;
/** JSON Schema contracts are recognised by name, since a schema has no keyword every schema carries. */
const JSON_SCHEMA_FILE = /\.schema\.(json|ya?ml)$/;

/** A top-level key of a YAML document, or one near the start of a JSON one. */
function topLevel(key: string): (text: string) => boolean {
  const yaml = new RegExp(`^(${key})\\s*:`, "m");
  const json = new RegExp(`^\\s*\\{[\\s\\S]{0,200}?"(${key})"\\s*:`);
  return (text) => yaml.test(text) || json.test(text);
}
const looksLikeOpenApi = topLevel("openapi|swagger");
const looksLikeAsyncApi = topLevel("asyncapi");

/**
 * How each kind claims a registry file, from its path and text alone, without parsing it
 * (ARCHITECTURE.md, "Contract kinds"). Offered in this order: the first that claims a file owns it.
 */
export const CLAIMS: Record<ContractKind, (path: string, text: string) => boolean> = {
  proto: (path) => path.endsWith(".proto"),
  openapi: (path, text) => DOCUMENT.test(path) && looksLikeOpenApi(text),
  asyncapi: (path, text) => DOCUMENT.test(path) && looksLikeAsyncApi(text),
  jsonschema: (path) => JSON_SCHEMA_FILE.test(path),
};

/** The kind that owns a registry file, if any. */
export const kindOfFile = (path: string, text: string): ContractKind | undefined =>
  (Object.keys(CLAIMS) as ContractKind[]).find((kind) => CLAIMS[kind](path, text));
