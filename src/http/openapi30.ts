import { isObject, type Json } from "../contracts/openapi/model.js";

/** Keywords whose values are data (or extensions, `x-…`): never schemas to rewrite. */
const DATA = new Set(["example", "examples", "enum", "const", "default"]);

/**
 * OpenAPI 3.0's Schema Object in the JSON Schema ajv's draft-07 reads: `nullable: true` beside no
 * `type` (a nullable `anyOf`, as Stripe writes) becomes `anyOf` with `null`, which ajv refuses to
 * read otherwise; a boolean `exclusiveMinimum`/`exclusiveMaximum` (3.0's draft-4 form) becomes the
 * bound itself. `nullable` beside a `type` is left to ajv, which reads it.
 */
export function fromOpenApi30(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromOpenApi30);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: DATA.has(key) || key.startsWith("x-") ? item : fromOpenApi30(item), enumerable: true, writable: true, configurable: true });
  }
  for (const [exclusive, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof out[exclusive] !== "boolean") continue;
    if (out[exclusive] === true && typeof out[bound] === "number") {
      out[exclusive] = out[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
  if (out.nullable === true && !("type" in out)) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}
