import type { Pair } from "./walk.js";

/** Patterns that match every string, so setting one is no constraint at all. */
const matchesAnything = (pattern: unknown) => typeof pattern === "string" && /^\^?(\.\*)?\$?$/.test(pattern);

/**
 * pattern: two regular expressions cannot be ordered in general, so a changed pattern is
 * incomparable, unless the new one matches anything (oasdiff's `pattern-generalized`).
 */
export function comparePattern(pair: Pair): void {
  // An empty pattern is how many generators write "none" (and it matches every string): read it so.
  const written = (pattern: unknown) => (pattern === "" ? undefined : pattern);
  const o = written(pair.old.get("pattern"));
  const n = written(pair.new.get("pattern"));
  if (o === n) return;
  const oldAny = o === undefined || matchesAnything(o);
  const newAny = n === undefined || matchesAnything(n);
  if (oldAny && newAny) return;
  const message = `pattern changed from ${o === undefined ? "none" : `"${o}"`} to ${n === undefined ? "none" : `"${n}"`}`;
  // From none, or from one that matched anything (`.*`), to a real pattern: a constraint added.
  if (oldAny) return pair.report({ kind: "pattern-added", relation: "narrowed", keyword: "pattern", message });
  if (n === undefined) return pair.report({ kind: "pattern-removed", relation: "widened", keyword: "pattern", message });
  if (newAny) return pair.report({ kind: "pattern-generalized", relation: "widened", keyword: "pattern", message });
  pair.report({ kind: "pattern-changed", relation: "incomparable", keyword: "pattern", message });
}
