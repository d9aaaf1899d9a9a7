/**
 * The runtime's enum fallbacks (templates/codegen/charter-runtime/events.ts, applyEnumFallbacks):
 * an unknown value becomes the declared fallback wherever the path reaches (a property, every item
 * of an array or value of a map with `*`, nested), a known one stays, and a path that reaches
 * nothing changes nothing.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEnumFallbacks, type EnumFallback } from "../../templates/codegen/charter-runtime/events.js";

const status: EnumFallback = { path: ["status"], values: ["paid", "refunded"], fallback: "other" };
const itemKinds: EnumFallback = { path: ["items", "*", "kind"], values: ["book", { gift: true }, 3], fallback: "unknown" };
const tags: EnumFallback = { path: ["tags", "*"], values: ["a", "b"], fallback: "z" };

const CASES: [string, EnumFallback[], unknown, unknown][] = [
  ["a known value stays", [status], { status: "paid" }, { status: "paid" }],
  ["an unknown value becomes the fallback", [status], { status: "lost" }, { status: "other" }],
  ["a value of another type is unknown", [status], { status: 1 }, { status: "other" }],
  ["null is unknown unless listed", [status], { status: null }, { status: "other" }],
  ["a missing property stays missing", [status], { amount: 1 }, { amount: 1 }],
  ["every item of an array", [itemKinds], { items: [{ kind: "book" }, { kind: "car" }, { kind: { gift: true } }, { kind: 3 }, { kind: "3" }, {}] }, { items: [{ kind: "book" }, { kind: "unknown" }, { kind: { gift: true } }, { kind: 3 }, { kind: "unknown" }, {}] }],
  ["every value of a map", [tags], { tags: { x: "a", y: "c" } }, { tags: { x: "a", y: "z" } }],
  ["every item of an array of values", [tags], { tags: ["b", "q", "a"] }, { tags: ["b", "z", "a"] }],
  ["a path through something that is no object reaches nothing", [itemKinds, tags], { items: "none", tags: null }, { items: "none", tags: null }],
  ["several fallbacks at once", [status, tags], { status: "x", tags: ["y"] }, { status: "other", tags: ["z"] }],
  ["an empty path names the payload, which stays", [{ path: [], values: ["a"], fallback: "b" }], "c", "c"],
];

describe("enum fallbacks", () => {
  for (const [name, fallbacks, data, expected] of CASES) {
    it(name, () => {
      const copy = structuredClone(data);
      // Twice: the second call uses what the first one remembered of the fallbacks.
      applyEnumFallbacks(copy, fallbacks);
      applyEnumFallbacks(copy, fallbacks);
      assert.deepEqual(copy, expected);
    });
  }
});
