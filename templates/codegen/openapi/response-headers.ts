/*
 * The response headers a contract declares, read from a response as their schemas say:
 * `simple` style (the only one OpenAPI allows for headers), so `7` is a number where the schema says
 * integer, `a,b` an array, `x=1,y=2` an object when exploded, and a header declared with JSON
 * `content` is parsed. A required header that is missing, or a value that is not of its declared
 * type, is a ProtocolError: the types promise the value, so the client does not hand out another.
 */
import { ProtocolError } from "@charter/runtime/http";

type Scalar = "string" | "number" | "integer" | "boolean";

/** How client.ts reads one declared header (generated from the contract). */
export interface HeaderSpec {
  name: string;
  required?: boolean;
  /** The schema's type; `json` for a header declared with an `application/json` content. */
  type: Scalar | "array" | "object" | "json";
  /** An array's item type. */
  items?: Scalar;
  /** An object's property types; properties not named here stay strings. */
  properties?: Record<string, Scalar>;
  explode?: boolean;
  /** Declared with `content` rather than `schema`. */
  content?: boolean;
}

/**
 * The declared headers of an openapi-typescript response type, without its `[name: string]: unknown`;
 * the `Content` headers, declared with a content map, typed as that content's value.
 */
export type HeadersOf<R, Content extends string = never> = R extends { headers: infer H }
  ? { [K in keyof H as string extends K ? never : K]: K extends Content ? NonNullable<H[K]>[keyof NonNullable<H[K]>] | Extract<H[K], undefined> : H[K] }
  : Record<string, never>;

/** The declared headers of a response, by their names as the contract writes them. */
export function readHeaders(operation: string, status: number, headers: Headers, specs: readonly HeaderSpec[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const text = headers.get(spec.name);
    const fail = (message: string): never => {
      throw new ProtocolError(operation, status, `response header ${spec.name}: ${message}`, headers);
    };
    if (text === null) {
      if (spec.required) fail("required by the contract but missing");
      continue;
    }
    // An own property whatever the name, `__proto__` included.
    Object.defineProperty(out, spec.name, { value: headerValue(spec, text, fail), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function headerValue(spec: HeaderSpec, text: string, fail: (message: string) => never): unknown {
  if (spec.type === "json") {
    try {
      return JSON.parse(text);
    } catch {
      return fail(`${JSON.stringify(text)} is not JSON`);
    }
  }
  if (spec.type === "array") return text.split(",").map((item) => scalar(spec.items ?? "string", item.trim(), fail));
  if (spec.type === "object") {
    // Exploded: `x=1,y=2`; not exploded: `x,1,y,2` (RFC 6570 simple expansion).
    const parts = text.split(",").map((part) => part.trim());
    const pairs = spec.explode ? parts.map(keyValue) : alternating(parts);
    return Object.fromEntries(pairs.map(([key, value]) => [key, scalar(spec.properties?.[key] ?? "string", value, fail)]));
  }
  return scalar(spec.type, text, fail);
}

function keyValue(part: string): string[] {
  const eq = part.indexOf("=");
  return eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)];
}

function alternating(parts: string[]): string[][] {
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i], parts[i + 1]]);
  return pairs;
}

function scalar(type: Scalar, text: string, fail: (message: string) => never): unknown {
  if (type === "string") return text;
  if (type === "boolean") return text === "true" ? true : text === "false" ? false : fail(`${JSON.stringify(text)} is not a boolean`);
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (type === "integer" ? !Number.isInteger(value) : !Number.isFinite(value)) fail(`${JSON.stringify(text)} is not ${type === "integer" ? "an integer" : "a number"}`);
  return value;
}
