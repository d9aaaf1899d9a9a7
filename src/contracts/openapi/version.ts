import type { OpenApiDocument } from "./document.js";
import type { SchemaSource } from "../schema-pointer.js";

/** One version of an OpenAPI contract: its document, and where its `$ref`s lead. */
export interface OpenApiVersion {
  document: OpenApiDocument;
  schemas: SchemaSource;
}
