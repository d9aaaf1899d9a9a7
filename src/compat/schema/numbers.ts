import type { BoundStem } from "../../rules/catalog/schema-kinds.js";
import type { Pair } from "./walk.js";
import type { SchemaView } from "./view.js";

/**
 * Numeric bounds: of values, lengths, item counts, property counts and `contains` matches. Raising a
 * lower bound or lowering an upper bound narrows the schema; kinds are oasdiff's (`max-length-decreased`,
 * `min-set`, `max-length-unset`, ...).
 */
interface Bound {
  keyword: string;
  /** The oasdiff stem: `min-length`, `exclusive-max`, ... */
  stem: BoundStem;
  lower: boolean;
  /** How the bound reads on a schema (3.0's boolean exclusive bounds change what minimum means). */
  read: (view: SchemaView) => number | undefined;
  /** The keyword holding the number, for source locations. */
  place?: (view: SchemaView) => string;
}

const number = (keyword: string) => (view: SchemaView) => {
  const value = view.get(keyword);
  return typeof value === "number" ? value : undefined;
};

/** OpenAPI 3.0 writes an exclusive bound as `minimum: 5, exclusiveMinimum: true`; 3.1 as `exclusiveMinimum: 5`. */
const inclusive = (keyword: string, exclusive: string) => (view: SchemaView) =>
  view.get(exclusive) === true ? undefined : number(keyword)(view);
const exclusive = (keyword: string, exclusive: string) => (view: SchemaView) =>
  view.get(exclusive) === true ? number(keyword)(view) : number(exclusive)(view);
const exclusivePlace = (keyword: string, exclusive: string) => (view: SchemaView) => (view.get(exclusive) === true ? keyword : exclusive);

const bounds: Bound[] = [
  { keyword: "minimum", stem: "min", lower: true, read: inclusive("minimum", "exclusiveMinimum") },
  { keyword: "maximum", stem: "max", lower: false, read: inclusive("maximum", "exclusiveMaximum") },
  { keyword: "exclusiveMinimum", stem: "exclusive-min", lower: true, read: exclusive("minimum", "exclusiveMinimum"), place: exclusivePlace("minimum", "exclusiveMinimum") },
  { keyword: "exclusiveMaximum", stem: "exclusive-max", lower: false, read: exclusive("maximum", "exclusiveMaximum"), place: exclusivePlace("maximum", "exclusiveMaximum") },
  { keyword: "minLength", stem: "min-length", lower: true, read: number("minLength") },
  { keyword: "maxLength", stem: "max-length", lower: false, read: number("maxLength") },
  { keyword: "minItems", stem: "min-items", lower: true, read: number("minItems") },
  { keyword: "maxItems", stem: "max-items", lower: false, read: number("maxItems") },
  { keyword: "minProperties", stem: "min-properties", lower: true, read: number("minProperties") },
  { keyword: "maxProperties", stem: "max-properties", lower: false, read: number("maxProperties") },
  { keyword: "minContains", stem: "min-contains", lower: true, read: number("minContains") },
  { keyword: "maxContains", stem: "max-contains", lower: false, read: number("maxContains") },
];

const words = (stem: string) => stem.replace(/-/g, " ");

export function compareBounds(pair: Pair): void {
  for (const { keyword, stem, lower, read, place = () => keyword } of bounds) {
    const o = read(pair.old);
    const n = read(pair.new);
    if (o === n) continue;
    const where = { before: pair.old.pointer(place(pair.old)), after: pair.new.pointer(place(pair.new)) };
    if (o === undefined) {
      pair.report({ kind: `${stem}-set`, relation: "narrowed", ...where, message: `${words(stem)} set to ${n}` });
    } else if (n === undefined) {
      pair.report({ kind: `${stem}-unset`, relation: "widened", ...where, message: `${words(stem)} ${o} removed` });
    } else {
      const increased = n > o;
      pair.report({
        kind: `${stem}-${increased ? "increased" : "decreased"}`,
        relation: increased === lower ? "narrowed" : "widened",
        ...where,
        message: `${words(stem)} ${increased ? "increased" : "decreased"} from ${o} to ${n}`,
      });
    }
  }
}

export function compareMultipleOf(pair: Pair): void {
  const o = number("multipleOf")(pair.old);
  const n = number("multipleOf")(pair.new);
  if (o === n) return;
  const message = `multipleOf changed from ${o ?? "none"} to ${n ?? "none"}`;
  // Multiples of n include multiples of o exactly when o is itself a multiple of n.
  const divides = (a: number, b: number) => Number.isInteger(b / a);
  if (o === undefined) return pair.report({ kind: "multiple-of-set", relation: "narrowed", keyword: "multipleOf", message });
  if (n === undefined) return pair.report({ kind: "multiple-of-unset", relation: "widened", keyword: "multipleOf", message });
  if (divides(n, o)) return pair.report({ kind: "multiple-of-decreased", relation: "widened", keyword: "multipleOf", message });
  if (divides(o, n)) return pair.report({ kind: "multiple-of-increased", relation: "narrowed", keyword: "multipleOf", message });
  pair.report({ kind: "multiple-of-changed", relation: "incomparable", keyword: "multipleOf", message });
}
