import { canonical, type SchemaView } from "./view.js";
import type { Pair } from "./walk.js";

/**
 * Enumerations and constants. A reader that declares a fallback for unknown values
 * (`x-extensible-enum`, or charter's `x-charter-enum-fallback: <value>`) copes with a value added
 * by a newer writer, so such an addition is conditional rather than breaking.
 */
const values = (view: SchemaView, keyword: string): Map<string, unknown> | undefined => {
  const list = view.get(keyword);
  return Array.isArray(list) ? new Map(list.map((v) => [canonical(v), v])) : undefined;
};

const hasFallback = (view: SchemaView) => view.has("x-extensible-enum") || view.has("x-charter-enum-fallback");

const show = (value: unknown) => JSON.stringify(value);

export function compareEnum(pair: Pair): void {
  const o = values(pair.old, "enum");
  const n = values(pair.new, "enum");
  if (!o && !n) return;
  if (!o) return pair.report({ kind: "became-enum", relation: "narrowed", keyword: "enum", message: `became an enum of ${[...n!.values()].map(show).join(", ")}` });
  if (!n) return pair.report({ kind: "became-not-enum", relation: "widened", keyword: "enum", message: "enum removed" });
  const conditional = hasFallback(pair.old);
  for (const [key, value] of n) {
    if (o.has(key)) continue;
    pair.report({
      kind: "enum-value-added",
      relation: "widened",
      ...(conditional ? { conditional } : {}),
      before: pair.old.pointer("enum"),
      after: pair.new.pointer("enum", [...n.keys()].indexOf(key)),
      message: `enum value ${show(value)} added${conditional ? " (the old reader declares a fallback for unknown values)" : ""}`,
    });
  }
  for (const [key, value] of o) {
    if (n.has(key)) continue;
    pair.report({
      kind: "enum-value-removed",
      relation: "narrowed",
      before: pair.old.pointer("enum", [...o.keys()].indexOf(key)),
      after: pair.new.pointer("enum"),
      message: `enum value ${show(value)} removed`,
    });
  }
}

/**
 * `x-extensible-enum` (Zalando's guidelines) lists the values known today while promising readers
 * more may come: an added value is conditional, a removed one narrows what writers may send.
 */
export function compareExtensibleEnum(pair: Pair): void {
  const o = values(pair.old, "x-extensible-enum");
  const n = values(pair.new, "x-extensible-enum");
  if (!o || !n) return;
  for (const [key, value] of n) {
    if (!o.has(key)) pair.report({ kind: "enum-value-added", relation: "widened", conditional: true, keyword: "x-extensible-enum", message: `extensible enum value ${show(value)} added` });
  }
  for (const [key, value] of o) {
    if (!n.has(key)) pair.report({ kind: "x-extensible-enum-value-removed", relation: "narrowed", keyword: "x-extensible-enum", message: `extensible enum value ${show(value)} removed` });
  }
}

export function compareConst(pair: Pair): void {
  const had = pair.old.has("const");
  const has = pair.new.has("const");
  if (!had && !has) return;
  const o = pair.old.get("const");
  const n = pair.new.get("const");
  if (!had) return pair.report({ kind: "const-added", relation: "narrowed", keyword: "const", message: `const ${show(n)} added` });
  if (!has) return pair.report({ kind: "const-removed", relation: "widened", keyword: "const", message: `const ${show(o)} removed` });
  if (canonical(o) !== canonical(n)) pair.report({ kind: "const-changed", relation: "incomparable", keyword: "const", message: `const changed from ${show(o)} to ${show(n)}` });
}
