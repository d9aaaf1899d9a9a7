import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { SchemaBundle } from "../codegen/schema-bundle.js";
import type { OpenApiContract } from "../contracts/contract.js";
import type { SchemaPointer, SchemaSource } from "../contracts/schema-pointer.js";
import { fromOpenApi30 } from "./openapi30.js";
import { isJsonMediaType } from "./wire.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";

const require = createRequire(import.meta.url);

/** One way a value breaks its schema: the JSON pointer of the value in the document checked, and what is wrong. */
export interface Violation {
  pointer: string;
  message: string;
}

/** Checks values against schemas of a contract, by their place in the registry. */
export type ValidateAt = (at: SchemaPointer, value: unknown) => Violation[];

/**
 * A request's or response's body checked against its media's schema, read only when it is JSON
 * (its Content-Type says so): its violations, or why it is not JSON. Requests (mock) and responses
 * (verify) are judged alike.
 */
export function jsonBodyViolations(validate: ValidateAt, schema: SchemaPointer | undefined, contentType: string, body: string): Violation[] | { notJson: string } {
  if (!schema || !isJsonMediaType(contentType)) return [];
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { notJson: (error as Error).message };
  }
  return validate(schema, value);
}

/** OpenAPI's formats that say how a number or string is stored, not what it may hold. */
const STORAGE_FORMATS = ["int32", "int64", "float", "double", "byte", "binary", "password"];

/**
 * ajv's error as a violation at the value it concerns: a missing or extra property is pointed at
 * where that property is (or would be), not at the object that holds it.
 */
export function violationOf(error: ErrorObject): Violation {
  const escape = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = params.missingProperty ?? params.additionalProperty;
  return { pointer: property === undefined ? error.instancePath : `${error.instancePath}/${escape(property)}`, message: error.message ?? error.keyword };
}

/**
 * Validators for the schemas at `places` of one contract, compiled once: the schemas are bundled
 * from the registry (SchemaBundle, so ajv never follows a `$ref` out of it) into one document,
 * OpenAPI 3.1 and 3.2 with JSON Schema 2020-12, 3.0 with draft-07 after openapi30.ts.
 */
export function compileValidators(contract: OpenApiContract, snapshot: Snapshot, places: SchemaPointer[]): ValidateAt {
  return compileSchemaValidators(contract.schemas, snapshot, places, contract.document.version === "3.0" ? "openapi-3.0" : "2020-12");
}

/** How a contract's schemas are read: OpenAPI 3.0's dialect, JSON Schema 2020-12, or draft-07 (AsyncAPI's schema object). */
export type SchemaDialect = "openapi-3.0" | "2020-12" | "draft-07";

/** compileValidators for schemas of any contract, in the dialect its kind writes them in. */
export function compileSchemaValidators(schemas: SchemaSource, snapshot: Snapshot, places: SchemaPointer[], dialect: SchemaDialect): ValidateAt {
  const bundle = new SchemaBundle({ schemas, display: (file) => joinPath(snapshot.base, file) }, { compiled: true });
  const names = new Map(places.map((at) => [`${at.file}#${at.pointer}`, bundle.add(at, "Schema")]));
  const options = { strict: false, allErrors: true, ownProperties: true, logger: false as const };
  const ajv: Ajv =
    dialect === "2020-12"
      ? new (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020(options)
      : new (require("ajv").default as new (o: object) => Ajv)(options);
  (require("ajv-formats").default as (ajv: Ajv) => void)(ajv);
  for (const format of STORAGE_FORMATS) ajv.addFormat(format, true);
  const definitions = bundle.render("contract#/definitions/");
  ajv.addSchema({ $id: "contract", definitions: dialect === "openapi-3.0" ? fromOpenApi30(definitions) : definitions });
  const compiled = new Map<string, ValidateFunction>();
  return (at, value) => {
    const key = `${at.file}#${at.pointer}`;
    const name = names.get(key);
    if (name === undefined) throw new Error(`no validator compiled for ${key}`);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `contract#/definitions/${name}` });
      compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(violationOf);
  };
}
