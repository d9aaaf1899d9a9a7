import type { Pair } from "./walk.js";

/** Patterns that match every string, so setting one is no constraint at all. */
const matchesAnything = (pattern: unknown) => typeof pattern === "string" && /^\^?(\.\*)?\$?$/.test(pattern);

/**
 * pattern: two regular expressions cannot be ordered in general, so a changed pattern is
 * incomparable, unless the new one matches anything (oasdiff's `pattern-generalized`).
 */
export function comparePattern(pair: Pair): void {
  const o = pair.old.get("pattern");
  const n = pair.new.get("pattern");
  if (o === n) return;
  const oldAny = o === undefined || matchesAnything(o);
  const newAny = n === undefined || matchesAnything(n);
  if (oldAny && newAny) return;
  const message = `pattern changed from ${o === undefined ? "none" : `"${o}"`} to ${n === undefined ? "none" : `"${n}"`}`;
  if (o === undefined) return pair.report({ kind: "pattern-added", relation: "narrowed", keyword: "pattern", message });
  if (n === undefined) return pair.report({ kind: "pattern-removed", relation: "widened", keyword: "pattern", message });
  if (newAny) return pair.report({ kind: "pattern-generalized", relation: "widened", keyword: "pattern", message });
  pair.report({ kind: "pattern-changed", relation: "incomparable", keyword: "pattern", message });
}
