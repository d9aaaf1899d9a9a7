import type { GlobalContext, OpenAPI3 } from "openapi-typescript";

/**
 * TypeScript types of a self-contained OpenAPI document (see bundle.ts), by openapi-typescript's
 * transform with its default options, plus readOnly/writeOnly markers. Its `openapiTS()` entry point is not used: that one first
 * bundles the document with Redocly, which reads `$ref`d files from the disk around the working
 * directory and fails on keys such as `hasOwnProperty`; charter has resolved every `$ref` from the
 * registry snapshot already.
 */
export async function typesOf(document: object): Promise<string> {
  const { astToString, resolveRef, scanDiscriminators, stringToAST, transformSchema } = await import("openapi-typescript");
  // `format: binary` is a file the client sends in a body or part, and what it reads from a binary
  // response: a Blob (a File is one), not the `string` openapi-typescript writes by default.
  const typeOf = (source: string) => (stringToAST(`type T = ${source};`)[0] as unknown as { type: ReturnType<NonNullable<GlobalContext["transform"]>> }).type;
  const blob = typeOf("Blob");
  const nullableBlob = typeOf("Blob | null");
  const schema = document as OpenAPI3;
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    // Only openapiTS()'s bundling step reads the Redocly config; the transform does not.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    transform: (schemaObject) => {
      if (schemaObject.format !== "binary") return undefined;
      const types = ([] as unknown[]).concat(schemaObject.type);
      return schemaObject.nullable === true || types.includes("null") ? nullableBlob : blob;
    },
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    // readOnly properties become `$Read<T>` and writeOnly ones `$Write<T>`; the client strips them
    // with the `Writable` and `Readable` helpers openapi-typescript writes beside them, as openapi-fetch does.
    readWriteMarkers: true,
    resolve: <T>($ref: string) => resolveRef(schema, $ref, { silent: true }) as T | undefined,
  };
  return astToString(transformSchema(schema, ctx));
}
