import type { Relation, SchemaChange } from "./change.js";
import type { SchemaPointer, SchemaSource } from "../../contracts/schema-pointer.js";
import { viewOf, type SchemaView } from "./view.js";

/**
 * How changes below a subschema bear on the schema holding it: `same` for most keywords; `inverted`
 * under `not` (accepting more there accepts less here); `opaque` under `if`, where any change moves
 * values between `then` and `else` in ways we cannot order.
 */
export type Nesting = "same" | "inverted" | "opaque";

/** A change as a comparison reports it: the path is relative to the pair being compared. */
export interface Report extends Omit<SchemaChange, "path" | "before" | "after"> {
  path?: string[];
  /** The keyword the change is about; `before`/`after` default to its place on each side. */
  keyword?: string;
  before?: SchemaPointer;
  after?: SchemaPointer;
}

/** What a property's own flags add to the changes found in its schema. */
export interface PropertyFlags {
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
}

/** What one keyword comparison sees: the two versions of one schema, and how to report and recurse. */
export interface Pair {
  old: SchemaView;
  new: SchemaView;
  /** The strict reading of open content models (ARCHITECTURE.md, "The compatibility model"): undeclared properties may be sent. */
  strict: boolean;
  report(change: Report): void;
  /** A subschema of either side, resolved, for comparisons that must look inside before recursing. */
  look(side: "old" | "new", at: SchemaPointer): SchemaView;
  /** Compares two subschemas and adds their changes below `steps`. */
  descend(steps: string[], old: SchemaPointer, current: SchemaPointer, how?: { nesting?: Nesting; property?: PropertyFlags }): void;
}

export type Comparison = (pair: Pair) => void;

const nested: Record<Nesting, (r: Relation) => Relation> = {
  same: (r) => r,
  inverted: (r) => (r === "widened" ? "narrowed" : r === "narrowed" ? "widened" : r),
  opaque: (r) => (r === "annotation" ? r : "incomparable"),
};

/**
 * Walks two versions of a schema pair by pair. Each (old, new) pair of resolved places is compared
 * once and its changes are kept relative to it, so a shared component costs one comparison however
 * often it is used, and a pair met again while it is still being compared (a recursive schema) is
 * taken as unchanged there: its changes are reported where the recursion started.
 */
export class Walker {
  private readonly done = new Map<string, SchemaChange[]>();
  private readonly open = new Set<string>();

  constructor(
    private readonly previous: SchemaSource,
    private readonly current: SchemaSource,
    private readonly strict: boolean,
    private readonly comparisons: readonly Comparison[],
  ) {}

  compare(oldAt: SchemaPointer, newAt: SchemaPointer): SchemaChange[] {
    const old = viewOf(this.previous, oldAt);
    const current = viewOf(this.current, newAt);
    const key = `${old.at.file}#${old.at.pointer}\u0000${current.at.file}#${current.at.pointer}`;
    const known = this.done.get(key);
    if (known) return known;
    if (this.open.has(key)) return [];
    this.open.add(key);
    const changes: SchemaChange[] = [];
    const pair: Pair = {
      old,
      new: current,
      strict: this.strict,
      report: ({ keyword, path = [], before, after, ...rest }) =>
        changes.push({
          ...rest,
          path,
          before: before ?? (keyword ? old.pointer(keyword) : old.at),
          after: after ?? (keyword ? current.pointer(keyword) : current.at),
        }),
      look: (side, at) => viewOf(side === "old" ? this.previous : this.current, at),
      descend: (steps, o, n, { nesting = "same", property } = {}) => {
        for (const change of this.compare(o, n)) {
          const flags = property && change.path.length === 0 ? property : {};
          changes.push({ ...flags, ...change, path: [...steps, ...change.path], relation: nested[nesting](change.relation) });
        }
      },
    };
    for (const comparison of this.comparisons) comparison(pair);
    this.open.delete(key);
    this.done.set(key, changes);
    return changes;
  }
}
