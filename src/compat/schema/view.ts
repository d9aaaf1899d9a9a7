import { child, type SchemaPointer, type SchemaSource } from "../../contracts/schema-pointer.js";
import { nullWrapped } from "./type-branches.js";

export type Schema = Record<string, unknown>;

/** Where a keyword's value was found: the schema object holding it and that object's place. */
interface Layer {
  schema: Schema;
  at: SchemaPointer;
}

/**
 * One resolved schema as the comparisons see it. Usually a single layer; a schema that only wraps
 * another one to make it nullable (`oneOf: [{type: "null"}, {$ref: X}]`) is seen through, as the
 * inner schema plus the wrapper's other keywords, so the wrapping reads as "became nullable" and
 * nothing else.
 */
export class SchemaView {
  constructor(
    /** The schema's own place (the wrapper's, when seen through): its identity, and where a change to it as a whole points. */
    readonly at: SchemaPointer,
    private readonly layers: Layer[],
    /** Made nullable by a wrapper that was seen through. */
    readonly wrappedNullable = false,
  ) {}

  has(keyword: string): boolean {
    return this.layers.some((layer) => keyword in layer.schema);
  }

  get(keyword: string): unknown {
    return this.layers.find((layer) => keyword in layer.schema)?.schema[keyword];
  }

  /** The place of a keyword (or of something below it), falling back to the schema itself. */
  pointer(keyword: string, ...below: (string | number)[]): SchemaPointer {
    const layer = this.layers.find((l) => keyword in l.schema);
    return layer ? child(layer.at, keyword, ...below) : this.at;
  }

  keywords(): string[] {
    return [...new Set(this.layers.flatMap((layer) => Object.keys(layer.schema)))];
  }
}

/** JSON Schema booleans as the objects they stand for: `true` accepts anything, `false` nothing. */
export function asSchema(value: unknown): Schema {
  if (value === false) return { not: {} };
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Schema;
  return {};
}

/** Resolves a pointer (following `$ref`s lazily) into a view. */
export function viewOf(source: SchemaSource, at: SchemaPointer): SchemaView {
  const resolved = source.resolve(at);
  const outer: Layer = { schema: asSchema(resolved.value), at: resolved.at };
  const wrapped = nullWrapped(outer.schema);
  if (!wrapped) return new SchemaView(outer.at, [outer]);
  const inner = source.resolve(child(outer.at, wrapped.keyword, wrapped.index));
  const rest = Object.fromEntries(Object.entries(outer.schema).filter(([k]) => k !== wrapped.keyword));
  return new SchemaView(outer.at, [{ schema: asSchema(inner.value), at: inner.at }, { schema: rest, at: outer.at }], true);
}

/** A stable text for a JSON value, so that reordered object keys compare equal. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Schema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
