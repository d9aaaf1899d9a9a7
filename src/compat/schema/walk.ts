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
export interface Report extends Omit<SchemaChange, "path" | "before" | "after" | "home"> {
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

/** `inner` nesting seen through `outer`: opaque absorbs, two inversions cancel. */
const composed = (outer: Nesting, inner: Nesting): Nesting =>
  outer === "opaque" || inner === "opaque" ? "opaque" : (outer === "inverted") !== (inner === "inverted") ? "inverted" : "same";

/** A comparison of one pair descending into another. */
interface Edge {
  steps: string[];
  nesting: Nesting;
  property?: PropertyFlags;
  to: PairNode;
}

/**
 * One (old, new) pair of resolved places, compared once: the changes it reports itself (paths
 * relative to it) and the pairs it descends into, in the order its comparisons met them.
 */
interface PairNode {
  items: (SchemaChange | Edge)[];
  /** Some change is reachable from here; clean pairs are never walked again. */
  dirty: boolean;
  /** Pairs that descend into this one, to mark them dirty when a change turns up below. */
  parents: PairNode[];
  /** The new side's place. */
  at: SchemaPointer;
  /** Reached through a `$ref`: a named schema, home of the changes written in it (see SchemaChange.home). */
  named: boolean;
  /** The pair that first descended into this one and how, for the home of an inline schema. */
  from?: { parent: PairNode; steps: string[] };
  /** Per reach state (stateOf), the last walk that went through it. */
  walked: number[];
  /** The changes of a walk from this pair as a root, and the count of namings (Walker.namings) they were walked under. */
  changes?: { list: readonly SchemaChange[]; namings: number };
}

/** Path steps as a shared linked list: a deep walk extends it per step without copying. */
interface Steps {
  steps: string[];
  up?: Steps;
}

/** The steps of a linked list, root first. */
function flat(list: Steps | undefined): string[] {
  const parts: string[][] = [];
  for (let at = list; at; at = at.up) parts.push(at.steps);
  return parts.reverse().flat();
}

const NESTINGS: Nesting[] = ["same", "inverted", "opaque"];

/**
 * A reach state as a small number: the nesting, and either the property flags it arrived with
 * (0–7, 8 for none) or 9 for "the pair as a whole".
 */
function stateOf(nesting: Nesting, property?: PropertyFlags | null): number {
  const flags = property === undefined ? 9 : property === null ? 8 : +property.required | (+property.readOnly << 1) | (+property.writeOnly << 2);
  return NESTINGS.indexOf(nesting) * 10 + flags;
}

/** Marks a reach state of a node as walked in walk `walk`; false if it already was. */
function mark(node: PairNode, walk: number, state: number): boolean {
  if (node.walked[state] === walk) return false;
  node.walked[state] = walk;
  return true;
}

const samePlace = (a: SchemaPointer, b: SchemaPointer) => a.file === b.file && a.pointer === b.pointer;

/**
 * Walks two versions of a schema pair by pair. Each (old, new) pair of resolved places is compared
 * once into a graph of pairs, so a shared component costs one comparison however often it is
 * used. A compared root then collects every change reachable from it, each reach state (pair,
 * nesting, property flags) once, so a cycle ends where it meets a pair already walked and no
 * root's changes depend on which roots were compared before it.
 */
export class Walker {
  private readonly nodes = new Map<string, PairNode>();
  private walks = 0;
  /**
   * How many pairs were found named after they were compared: a walk's homes depend on which pairs
   * are named, so a root's cached changes stand while this count does. A pair's graph is complete
   * once compared, so nothing else a later comparison does changes them.
   */
  private namings = 0;

  constructor(
    private readonly previous: SchemaSource,
    private readonly current: SchemaSource,
    private readonly strict: boolean,
    private readonly comparisons: readonly Comparison[],
  ) {}

  /**
   * Every change reachable from a pair, walked once per root pair: operations that share a schema
   * get the same list (read-only), so a caller may cache what it derives from it by the list.
   */
  compare(oldAt: SchemaPointer, newAt: SchemaPointer): readonly SchemaChange[] {
    const root = this.node(oldAt, newAt);
    if (root.changes?.namings === this.namings) return root.changes.list;
    const out: SchemaChange[] = [];
    // Reach states already walked from this root, marked on the nodes by walk number: no set to build per root.
    const walk = ++this.walks;
    const visit = (node: PairNode, prefix: Steps | undefined, nesting: Nesting, property?: PropertyFlags): void => {
      if (!node.dirty) return;
      // A property's flags only bear on the changes of its own schema (path []): met again under
      // other flags, a pair reports those again and nothing else.
      const whole = mark(node, walk, stateOf(nesting));
      const flagged = mark(node, walk, stateOf(nesting, property ?? null));
      if (!whole && !flagged) return;
      for (const item of node.items) {
        if ("to" in item) {
          if (whole) visit(item.to, { steps: item.steps, up: prefix }, composed(nesting, item.nesting), item.property);
          continue;
        }
        if (!(item.path.length === 0 ? flagged : whole)) continue;
        const flags = property && item.path.length === 0 ? property : {};
        out.push({
          ...flags,
          ...item,
          path: [...flat(prefix), ...item.path],
          relation: nested[nesting](item.relation),
          home: homeOf(node, item.path),
        });
      }
    };
    visit(root, undefined, "same");
    root.changes = { list: out, namings: this.namings };
    return out;
  }

  /** The node of a pair, compared on first sight; `from` is the pair descending into it and how. */
  private node(oldAt: SchemaPointer, newAt: SchemaPointer, from?: { parent: PairNode; steps: string[] }): PairNode {
    const old = viewOf(this.previous, oldAt);
    const current = viewOf(this.current, newAt);
    const key = `${old.at.file}#${old.at.pointer}\u0000${current.at.file}#${current.at.pointer}`;
    const named = !samePlace(current.at, newAt);
    const known = this.nodes.get(key);
    if (known) {
      if (named && !known.named) {
        known.named = true;
        this.namings++;
      }
      return known;
    }
    const node: PairNode = { items: [], dirty: false, parents: [], at: current.at, named, from, walked: [] };
    this.nodes.set(key, node);
    const pair: Pair = {
      old,
      new: current,
      strict: this.strict,
      report: ({ keyword, path = [], before, after, ...rest }) => {
        node.items.push({
          ...rest,
          path,
          before: before ?? (keyword ? old.pointer(keyword) : old.at),
          after: after ?? (keyword ? current.pointer(keyword) : current.at),
        });
        markDirty(node);
      },
      look: (side, at) => viewOf(side === "old" ? this.previous : this.current, at),
      descend: (steps, o, n, { nesting = "same", property } = {}) => {
        const to = this.node(o, n, { parent: node, steps });
        node.items.push({ steps, nesting, property, to });
        to.parents.push(node);
        if (to.dirty) markDirty(node);
      },
    };
    for (const comparison of this.comparisons) comparison(pair);
    return node;
  }
}

/** Where a change `path` below a pair is written: the nearest named schema holding it, else the compared root. */
function homeOf(node: PairNode, path: string[]): { at?: SchemaPointer; path: string[] } {
  const steps = [path];
  let at: PairNode | undefined = node;
  while (at && !at.named && at.from) {
    steps.push(at.from.steps);
    at = at.from.parent;
  }
  const below = steps.reverse().flat();
  return at?.named ? { at: at.at, path: below } : { path: below };
}

/** Marks a pair and every pair that reaches it as leading to a change. */
function markDirty(start: PairNode): void {
  const stack = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.dirty) continue;
    node.dirty = true;
    for (const parent of node.parents) stack.push(parent);
  }
}
