import type { SchemaChange } from "./change.js";
import { comparisons } from "./keywords.js";
import type { SchemaPointer, SchemaSource } from "../../contracts/schema-pointer.js";
import { Walker } from "./walk.js";

export interface DiffOptions {
  /**
   * Read open content models strictly: a writer may send properties its schema does not name, so
   * adding or removing an optional property changes what readers accept (ARCHITECTURE.md, "The compatibility model").
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
): readonly SchemaChange[] {
  return walkerFor(source, options.strict ?? false).compare(old, current);
}

/**
 * One walker per pair of sources (and reading), so a component used by many operations is
 * compared once per comparison of two versions, not once per use.
 */
const walkers = new WeakMap<SchemaSource, WeakMap<SchemaSource, Map<boolean, Walker>>>();

function walkerFor(source: { previous: SchemaSource; current: SchemaSource }, strict: boolean): Walker {
  let byCurrent = walkers.get(source.previous);
  if (!byCurrent) walkers.set(source.previous, (byCurrent = new WeakMap()));
  let byStrict = byCurrent.get(source.current);
  if (!byStrict) byCurrent.set(source.current, (byStrict = new Map()));
  let walker = byStrict.get(strict);
  if (!walker) byStrict.set(strict, (walker = new Walker(source.previous, source.current, strict, comparisons)));
  return walker;
}
