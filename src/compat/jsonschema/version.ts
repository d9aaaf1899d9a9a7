import type { JsonSchemaDocument } from "../../contracts/jsonschema/document.js";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { SchemaSource } from "../schema/source.js";

/** One version of a JSON Schema contract, with the files of its registry version for its `$ref`s. */
export interface JsonSchemaVersion {
  document: JsonSchemaDocument;
  schemas: SchemaSource;
  /** Every file of that registry version parsed so far, for the positions of keys. */
  parsed: Map<string, YamlSource>;
}
