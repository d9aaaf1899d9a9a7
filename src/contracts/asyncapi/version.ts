import type { AsyncApiDocument } from "./document.js";
import type { SchemaSource } from "../schema-pointer.js";

/** One version of an AsyncAPI contract: its document, and where its `$ref`s lead. */
export interface AsyncApiVersion {
  document: AsyncApiDocument;
  schemas: SchemaSource;
}
