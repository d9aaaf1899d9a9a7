import { InputError } from "../../errors.js";
import type { YamlSource } from "../../registry/yaml-source.js";

/** The minor versions charter reads: 3.2 (2025) is 3.1's Schema Object plus new keys, read alike. */
export type OpenApiVersionLine = "3.0" | "3.1" | "3.2";

/** An OpenAPI 3.0, 3.1 or 3.2 document of the registry, parsed with source positions. */
export interface OpenApiDocument {
  /** Registry-relative path. */
  file: string;
  /** Contract identity (ARCHITECTURE.md, "The compatibility model"): `info.x-charter-id`, else the path. */
  id: string;
  version: OpenApiVersionLine;
  root: Record<string, unknown>;
  source: YamlSource;
}

/**
 * An OpenAPI document from its parsed source. Swagger 2.0 and versions charter does not read stop
 * charter with the problem and its line and column; the OpenAPI schema is checked apart (validate.ts).
 */
export function openApiDocument(file: string, source: YamlSource): OpenApiDocument {
  const displayFile = source.file;
  const root = source.value as Record<string, unknown> | null;
  if (!root || typeof root !== "object" || Array.isArray(root)) throw new InputError("not an OpenAPI document", displayFile, 1, 1);
  if ("swagger" in root) {
    const { line, column } = source.position(["swagger"], true);
    throw new InputError("Swagger 2.0 is not supported: convert the document to OpenAPI 3 (for example with swagger2openapi)", displayFile, line, column);
  }
  const declared = String(root.openapi ?? "");
  const version = /^3\.[012]\./.test(declared) ? (declared.slice(0, 3) as OpenApiVersionLine) : undefined;
  if (!version) {
    const { line, column } = source.position(["openapi"]);
    throw new InputError(`unsupported OpenAPI version "${declared}": expected 3.0.x, 3.1.x or 3.2.x`, displayFile, line, column);
  }
  const info = root.info as Record<string, unknown> | undefined;
  const id = typeof info?.["x-charter-id"] === "string" ? info["x-charter-id"] : file;
  return { file, id, version, root, source };
}
