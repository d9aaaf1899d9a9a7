import type { SourceLocation } from "../compat/finding.js";

/** A place in a parsed document: its registry-relative file and a JSON pointer (`/components/schemas/Order`). */
export interface SchemaPointer {
  file: string;
  pointer: string;
}

/**
 * Where schemas come from: documents of one registry version, with `$ref`s followed lazily, so a
 * schema is never dereferenced as a whole and cycles cost nothing. Shared by OpenAPI, AsyncAPI and
 * JSON Schema contracts.
 */
export interface SchemaSource {
  /**
   * The value at a pointer after following its `$ref` chain (a `$ref` next to other keywords in
   * OpenAPI 3.1 is kept as it is, for the caller to combine). `at` is where the value really is.
   * Throws an InputError naming a remote `$ref`, one that leaves the registry, or one that points
   * nowhere.
   */
  resolve(at: SchemaPointer): { value: unknown; at: SchemaPointer };
  /** Line and column of the value at a pointer, for findings. */
  location(at: SchemaPointer): SourceLocation;
}

const escape = (segment: string): string => (/[~/]/.test(segment) ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment);
const unescape = (segment: string): string => (segment.includes("~") ? segment.replace(/~1/g, "/").replace(/~0/g, "~") : segment);

export const child = (at: SchemaPointer, ...segments: (string | number)[]): SchemaPointer => {
  let pointer = at.pointer;
  for (const segment of segments) pointer += `/${escape(String(segment))}`;
  return { file: at.file, pointer };
};

export const segmentsOf = (pointer: string): string[] =>
  pointer === "" || pointer === "/" ? [] : pointer.slice(1).split("/").map(unescape);
