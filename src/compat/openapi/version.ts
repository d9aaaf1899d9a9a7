import type { OpenApiDocument } from "../../contracts/openapi/document.js";
import type { SchemaSource } from "../schema/source.js";

/** One version of an OpenAPI contract: its document, and where its `$ref`s lead. */
export interface OpenApiVersion {
  document: OpenApiDocument;
  schemas: SchemaSource;
}

export interface OpenApiOptions {
  /** Today, for sunset dates (`x-sunset`). */
  today: Date;
}
