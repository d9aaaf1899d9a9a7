import type { AsyncApiDocument } from "../../contracts/asyncapi/document.js";
import type { SchemaSource } from "../schema/source.js";

/** One version of an AsyncAPI contract: its document, and where its `$ref`s lead. */
export interface AsyncApiVersion {
  document: AsyncApiDocument;
  schemas: SchemaSource;
}
