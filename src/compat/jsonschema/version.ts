import type { JsonSchemaDocument } from "../../contracts/jsonschema/document.js";
import type { RegistrySchemas } from "../../contracts/schema-source.js";

/** One version of a JSON Schema contract, with the files of its registry version for its `$ref`s and the positions of their keys. */
export interface JsonSchemaVersion {
  document: JsonSchemaDocument;
  schemas: RegistrySchemas;
}
