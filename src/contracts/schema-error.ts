import type { ErrorObject } from "ajv";

/** What an ajv error of a specification's official schema says, in the words of charter's violations. */
export interface SchemaErrorText {
  /** Where the error is, as JSON pointer segments. */
  path: string[];
  /** The unexpected key, when the error is one: the place to point at is the key, under `path`. */
  extra?: string;
  /** `#/paths/~1orders`, or "the document". */
  where: string;
  /** `unexpected key "x"`, or ajv's message. */
  what: string;
}

export const segments = (pointer: string): string[] => pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));

export function describeSchemaError(error: ErrorObject): SchemaErrorText {
  const path = segments(error.instancePath);
  const extra = error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties"
    ? ((error.params as { additionalProperty?: string; unevaluatedProperty?: string }).additionalProperty ??
      (error.params as { unevaluatedProperty?: string }).unevaluatedProperty)
    : undefined;
  const where = path.length ? `#/${path.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}` : "the document";
  const what = extra ? `unexpected key "${extra}"` : error.message ?? "is invalid";
  return { path, extra, where, what };
}
