import type { SchemaChange } from "./change.js";
import { comparisons } from "./keywords.js";
import type { SchemaPointer, SchemaSource } from "./source.js";
import { Walker } from "./walk.js";

export interface DiffOptions {
  /**
   * Read open content models strictly: a writer may send properties its schema does not name, so
   * adding or removing an optional property changes what readers accept (DESIGN.md §1).
   */
  strict?: boolean;
}

/**
 * Every change between two versions of a schema (OpenAPI 3.0 Schema Object, OpenAPI 3.1 or JSON
 * Schema 2020-12), each with what it does to the accepted values. `$ref`s are followed lazily
 * through the sources; each pair of places is compared once, so cycles and long chains are cheap.
 */
export function diffSchemas(
  old: SchemaPointer,
  current: SchemaPointer,
  source: { previous: SchemaSource; current: SchemaSource },
  options: DiffOptions = {},
): SchemaChange[] {
  return new Walker(source.previous, source.current, options.strict ?? false, comparisons).compare(old, current);
}
