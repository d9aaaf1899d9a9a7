import { InputError } from "../../errors.js";
import type { YamlSource } from "../../registry/yaml-source.js";

/** An AsyncAPI 2.x or 3.x (3.0, 3.1) document of the registry, parsed with source positions. */
export interface AsyncApiDocument {
  /** Registry-relative path. */
  file: string;
  /** Contract identity (ARCHITECTURE.md, "The compatibility model"): the top-level `id`, else the path. */
  id: string;
  /** The major version: 2.x documents key channels by address and describe publish/subscribe; 3.1 only adds to 3.0. */
  major: 2 | 3;
  root: Record<string, unknown>;
  source: YamlSource;
  /** The text as read, for the validation cache's key. */
  text: string;
}

/** An AsyncAPI document from its parsed source; versions other than 2.x, 3.0 and 3.1 stop charter with line and column. */
export function asyncApiDocument(file: string, text: string, source: YamlSource): AsyncApiDocument {
  const displayFile = source.file;
  const root = source.value as Record<string, unknown> | null;
  if (!root || typeof root !== "object" || Array.isArray(root)) throw new InputError("not an AsyncAPI document", displayFile, 1, 1);
  const declared = String(root.asyncapi ?? "");
  const major = /^2\.\d+\.\d+$/.test(declared) ? 2 : /^3\.[01]\.\d+$/.test(declared) ? 3 : undefined;
  if (!major) {
    const { line, column } = source.position(["asyncapi"]);
    throw new InputError(`unsupported AsyncAPI version "${declared}": expected 2.x, 3.0.x or 3.1.x`, displayFile, line, column);
  }
  const id = typeof root.id === "string" && root.id !== "" ? root.id : file;
  return { file, id, major, root, source, text };
}
