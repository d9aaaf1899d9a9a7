import { createRequire } from "node:module";
import type { Ajv as AjvType } from "ajv";

const require = createRequire(import.meta.url);

/** One validator to export: its name in validators.ts, and the schema id + definition it checks. */
export interface ValidatorExport {
  name: string;
  schema: "producer" | "consumer";
  definition: string;
}

/**
 * validators.ts of a generated package: ajv's standalone code for every export, compiled now so
 * that no schema is compiled at run time. The producer and consumer definitions are two schemas
 * (`producer`, `consumer`) of one ajv instance, so shared code is emitted once. Formats are
 * ajv-formats' full set, looked up at run time from the generated package's dependencies.
 */
export function validatorsModule(banner: string, schemas: { producer: object; consumer: object }, exports: ValidatorExport[]): string {
  const Ajv = require("ajv").default as new (options: object) => AjvType;
  const addFormats = require("ajv-formats").default as (ajv: AjvType) => void;
  const standaloneCode = require("ajv/dist/standalone").default as (ajv: AjvType, refs: Record<string, string>) => string;
  const { _ } = require("ajv") as { _: (strings: TemplateStringsArray) => unknown };
  const ajv = new Ajv({
    // AsyncAPI schemas carry keywords of their own (discriminator, examples, x-…): not errors.
    strict: false,
    allErrors: true,
    // A payload property named `constructor`, `hasOwnProperty` or `__proto__` is checked on the event itself, not found on Object.prototype.
    ownProperties: true,
    code: { source: true, esm: true, lines: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  ajv.addSchema({ $id: "producer", definitions: schemas.producer });
  ajv.addSchema({ $id: "consumer", definitions: schemas.consumer });
  const refs = Object.fromEntries(exports.map((e) => [e.name, `${e.schema}#/definitions/${e.definition}`]));
  // ajv's ES module output still calls require() for its runtime helpers (ajv's, the formats): made
  // imports, which bundlers follow, so a bundled application carries them.
  const helpers = new Map<string, string>();
  const code = standaloneCode(ajv, refs).replace(/\brequire\("([^"]+)"\)/g, (_, specifier: string) => {
    if (!helpers.has(specifier)) helpers.set(specifier, `ajvRuntime${helpers.size}`);
    return helpers.get(specifier)!;
  });
  return [
    // The code is ajv's, not written to pass a strict type check; events.ts gives each export its type.
    "// @ts-nocheck",
    banner,
    // A default import of a CommonJS module is its module.exports; neither package maps its files, so the path takes `.js`.
    ...[...helpers].map(([specifier, name]) => `import ${name} from ${JSON.stringify(specifier.endsWith(".js") ? specifier : `${specifier}.js`)};`),
    code,
  ].join("\n");
}
