import type { Ajv, AnySchemaObject, ValidateFunction } from "ajv";
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { cacheDir } from "../cache-dir.js";
import { PACKAGE_ROOT } from "../resources.js";

const require = createRequire(import.meta.url);

/**
 * A JSON Schema validator compiled once: ajv's standalone code, shipped with charter for the
 * official schemas (scripts/ship-validators.mjs), else written to charter's cache on a machine's
 * first run and loaded on later ones, since compiling a schema the size of OpenAPI's costs more
 * than validating a large document with it. The name carries a hash of the schema and ajv's
 * version, so a shipped file that does not fit this install is never loaded.
 */
export function cachedValidator(name: string, schema: AnySchemaObject, makeAjv: () => Ajv): ValidateFunction {
  const version = (require("ajv/package.json") as { version: string }).version;
  const key = createHash("sha256").update(`${name}\0${version}\0${JSON.stringify(schema)}`).digest("hex");
  const fileName = `${name}-${key.slice(0, 24)}.cjs`;
  const file = join(cacheDir(), "validators", fileName);
  for (const compiled of [join(PACKAGE_ROOT, "dist", "validators", fileName), file]) {
    try {
      return require(compiled) as ValidateFunction;
    } catch {
      // not shipped, not cached yet, or unreadable: compile
    }
  }
  const ajv = makeAjv();
  const validate = ajv.compile(schema);
  try {
    const standalone = require("ajv/dist/standalone").default as (ajv: Ajv, validate: ValidateFunction) => string;
    // The generated module requires ajv's runtime helpers by package path; pin them to this install.
    const code = standalone(ajv, validate).replace(/require\("(ajv[^"]*)"\)/g, (_, id: string) => `require(${JSON.stringify(require.resolve(id))})`);
    mkdirSync(join(cacheDir(), "validators"), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, code);
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // a read-only cache only costs speed
  }
  return validate;
}
