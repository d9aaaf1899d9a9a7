import { isObject } from "../contracts/openapi/model.js";
import type { SchemaSource } from "../contracts/schema-pointer.js";
import type { HttpOperation, HttpParameter } from "../http/operations.js";
import type { ValidateAt } from "../http/validator.js";
import { valueOf } from "../http/values.js";
import { isJsonMediaType } from "../http/wire.js";
import { bodyMediaOf, requestOf, type RequestChange, type VerifyRequest } from "./request.js";

/** One request verify sends for an operation, and what it is: valid, or invalid and why. */
export interface VerifyCase {
  request: VerifyRequest;
  /** `include=payments (enum value)`, `query parameter limit missing`: how findings name the case. */
  label: string;
  /** Set when the contract does not allow the request: the service must refuse it with a 4xx (check-case.ts). */
  invalid: boolean;
}

/** Bounded so that an API the size of Stripe's is verified in seconds: a few cases per operation. */
const MAX_VALID_VARIANTS = 4;
const MAX_ENUM_VALUES = 3;
/** A string of `maxLength` 5000 goes as is; a longer one would not fit a URL. */
const MAX_STRING = 5000;

const schemaObject = (schemas: SchemaSource, parameter: HttpParameter): Record<string, unknown> | undefined => {
  if (!parameter.schema) return undefined;
  const { value } = schemas.resolve(parameter.schema);
  return isObject(value) ? value : undefined;
};
const numberAt = (schema: Record<string, unknown>, key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined);
/** Strings with a pattern or format are left to the contract's example: `aaaa` would not meet them. */
const isPlainString = (schema: Record<string, unknown>) => schema.type === "string" && schema.pattern === undefined && schema.format === undefined && schema.enum === undefined;

/** Boundary values a parameter's schema names: its bounds, its length limits; they may be invalid (an exclusive bound), the caller checks. */
function boundariesOf(schema: Record<string, unknown>): { value: unknown; what: string }[] {
  const found: { value: unknown; what: string }[] = [];
  if (schema.type === "integer" || schema.type === "number") {
    for (const key of ["minimum", "maximum"]) if (numberAt(schema, key) !== undefined) found.push({ value: numberAt(schema, key), what: key });
  }
  if (isPlainString(schema)) {
    const min = numberAt(schema, "minLength");
    const max = numberAt(schema, "maxLength");
    if (min !== undefined && min > 0) found.push({ value: "a".repeat(min), what: "minLength" });
    if (max !== undefined && max <= MAX_STRING) found.push({ value: "a".repeat(max), what: "maxLength" });
  }
  return found;
}

/** Values just outside a parameter's schema: not in its enum, past its bounds and lengths. */
function outsideOf(schema: Record<string, unknown>): { value: unknown; what: string }[] {
  const found: { value: unknown; what: string }[] = [];
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) found.push({ value: `${schema.enum[0]}-not-in-enum`, what: "a value not in its enum" });
  if (schema.type === "integer" || schema.type === "number") {
    const [min, max] = [numberAt(schema, "minimum"), numberAt(schema, "maximum")];
    if (min !== undefined) found.push({ value: min - 1, what: "below its minimum" });
    if (max !== undefined) found.push({ value: max + 1, what: "above its maximum" });
  }
  if (isPlainString(schema)) {
    const [min, max] = [numberAt(schema, "minLength"), numberAt(schema, "maxLength")];
    if (min !== undefined && min > 0) found.push({ value: "a".repeat(min - 1), what: "shorter than its minLength" });
    if (max !== undefined && max < MAX_STRING) found.push({ value: "a".repeat(max + 1), what: "longer than its maxLength" });
  }
  return found;
}

/** A body value that breaks the schema the valid one meets: a required property dropped, else the wrong type at the root. */
function brokenBodies(schema: Record<string, unknown>, valid: unknown): { value: unknown; what: string }[] {
  const found: { value: unknown; what: string }[] = [];
  const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : [];
  if (isObject(valid) && required.length && required[0] in valid) {
    const { [required[0]]: _dropped, ...rest } = valid;
    found.push({ value: rest, what: `without its required property ${required[0]}` });
  }
  const flipped = Array.isArray(valid) ? {} : isObject(valid) ? [] : typeof valid === "string" ? 0 : "text";
  found.push({ value: flipped, what: "of the wrong type" });
  return found;
}

/**
 * The requests verify sends for an operation, in a fixed order: the valid request of request.ts
 * (the contract's examples first, else values synthesised from the schemas); then valid variants
 * from the query parameters' schemas (each enum value of the first parameter that has an enum, the
 * bounds and lengths of each scalar parameter); then invalid requests: the first required query
 * parameter (else header or cookie) left out, the first query parameter with a value just outside
 * its schema, and the body broken. Every value is checked against the contract's schema with
 * `validate` before it is sent, so a variant is valid and an invalid case invalid, whatever the
 * schema combines. Operations are sent only when safe or allowed (verify.ts), their cases alike.
 */
export function casesOf(operation: HttpOperation, schemas: SchemaSource, base: string, validate: ValidateAt): VerifyCase[] {
  const make = (label: string, invalid: boolean, change: RequestChange = {}): VerifyCase => ({ request: requestOf(operation, schemas, base, change), label, invalid });
  const cases = [make("the valid request", false)];
  const query = operation.parameters.filter((p) => p.in === "query" && p.schema);
  const allows = (parameter: HttpParameter, value: unknown) => validate(parameter.schema!, value).length === 0;

  const variants: VerifyCase[] = [];
  const enumerated = query.find((p) => Array.isArray(schemaObject(schemas, p)?.enum));
  const values = enumerated ? (schemaObject(schemas, enumerated)!.enum as unknown[]).slice(0, MAX_ENUM_VALUES) : [];
  for (const value of values) {
    if (allows(enumerated!, value)) variants.push(make(`${enumerated!.name}=${String(value)} (an enum value)`, false, { set: { parameter: enumerated!, value } }));
  }
  for (const parameter of query) {
    const schema = schemaObject(schemas, parameter);
    for (const { value, what } of schema ? boundariesOf(schema) : []) {
      if (allows(parameter, value)) variants.push(make(`${parameter.name} at its ${what}`, false, { set: { parameter, value } }));
    }
  }
  cases.push(...variants.slice(0, MAX_VALID_VARIANTS));

  const missing = query.find((p) => p.required) ?? operation.parameters.find((p) => p.required && (p.in === "header" || p.in === "cookie"));
  if (missing) cases.push(make(`${missing.in} parameter ${missing.name} missing`, true, { omit: missing }));
  outside: for (const parameter of query) {
    const schema = schemaObject(schemas, parameter);
    for (const { value, what } of schema ? outsideOf(schema) : []) {
      if (allows(parameter, value)) continue;
      cases.push(make(`${parameter.name} ${what}`, true, { set: { parameter, value } }));
      break outside;
    }
  }
  const media = bodyMediaOf(operation);
  const valid = media?.schema && isJsonMediaType(media.type) ? valueOf(schemas, media.example, media.schema) : undefined;
  const bodySchema = media?.schema && schemas.resolve(media.schema).value;
  if (valid && media?.schema && isObject(bodySchema)) {
    const broken = brokenBodies(bodySchema, valid.value).find(({ value }) => validate(media.schema!, value).length > 0);
    if (broken) cases.push(make(`a body ${broken.what}`, true, { body: { value: broken.value } }));
  }
  return cases;
}
