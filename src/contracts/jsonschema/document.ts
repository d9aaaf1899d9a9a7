import { InputError } from "../../errors.js";
import type { YamlSource } from "../../registry/yaml-source.js";

/** A JSON Schema contract of the registry (`orders/order.schema.json`), parsed with source positions. */
export interface JsonSchemaDocument {
  /** Registry-relative path. */
  file: string;
  /** Contract identity (ARCHITECTURE.md, "The compatibility model"): `$id`, else the path. */
  id: string;
  /** The schema itself: an object, or `true`/`false`. */
  root: unknown;
  source: YamlSource;
  /** Marked `x-stability-level: draft|alpha|beta` at its root: reported, not gated. */
  unstable: boolean;
}

const UNSTABLE_LEVELS = new Set(["draft", "alpha", "beta"]);

/**
 * Parses a JSON Schema contract. A schema is an object or a boolean; anything else, or a document
 * of another kind that happens to carry the suffix (a top-level `openapi:` or `asyncapi:` key, which
 * those checkers own), is refused here: the first stops charter, the second is not a schema contract.
 */
export function jsonSchemaDocument(file: string, source: YamlSource): JsonSchemaDocument | undefined {
  const displayFile = source.file;
  const root = source.value;
  if (typeof root === "boolean") return { file, id: file, root, source, unstable: false };
  if (root === null || typeof root !== "object" || Array.isArray(root)) {
    throw new InputError("not a JSON Schema: a schema is an object or a boolean", displayFile, 1, 1);
  }
  const schema = root as Record<string, unknown>;
  if ("openapi" in schema || "asyncapi" in schema) return undefined;
  const id = typeof schema.$id === "string" && schema.$id !== "" ? schema.$id : file;
  return { file, id, root, source, unstable: UNSTABLE_LEVELS.has(String(schema["x-stability-level"] ?? "")) };
}
