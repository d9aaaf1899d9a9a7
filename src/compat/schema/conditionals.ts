import { canonical } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * if/then/else and not. Whatever changes inside `if` moves values between `then` and `else`, so it
 * cannot be ordered; `then` and `else` constrain like any subschema; `not` turns its inside out.
 */
export function compareConditional(pair: Pair): void {
  const branches = (has: (k: string) => boolean) => has("then") || has("else");
  for (const keyword of ["if", "then", "else"] as const) {
    const had = pair.old.has(keyword);
    const has = pair.new.has(keyword);
    if (had && has) {
      pair.descend([keyword], pair.old.pointer(keyword), pair.new.pointer(keyword), { nesting: keyword === "if" ? "opaque" : "same" });
      continue;
    }
    if (!had && !has) continue;
    // Without then/else an if constrains nothing; with them, adding or dropping it moves values.
    const ifRelation = branches((k) => (had ? pair.old : pair.new).has(k)) ? "incomparable" : "annotation";
    pair.report({
      kind: `${keyword}-${has ? "added" : "removed"}`,
      relation: keyword === "if" ? ifRelation : has ? "narrowed" : "widened",
      keyword,
      message: `${keyword} ${has ? "added" : "removed"}`,
    });
  }
}

export function compareNot(pair: Pair): void {
  const had = pair.old.has("not");
  const has = pair.new.has("not");
  if (had && has) {
    // `false` is read as `{not: {}}`, a `not` with no place in the file: two equal ones need no walk.
    if (canonical(pair.old.get("not")) === canonical(pair.new.get("not"))) return;
    return pair.descend(["not"], pair.old.pointer("not"), pair.new.pointer("not"), { nesting: "inverted" });
  }
  if (had || has) pair.report({ kind: `not-${has ? "added" : "removed"}`, relation: has ? "narrowed" : "widened", keyword: "not", message: `not ${has ? "added" : "removed"}` });
}
