import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explainRule } from "../../src/lint/explain.js";
import { allLintRules } from "../../src/lint/rules/index.js";
import { fileFor, findingsOf } from "./helpers.js";

const LINT_RULES = await allLintRules();

// The examples `charter lint --explain` prints are tests too: a rule's bad example must make it
// fire, its good example must not, so the docs never drift from what the rule does.
describe("every rule's own examples", () => {
  it("rule ids are unique", () => {
    const ids = LINT_RULES.map((r) => r.id);
    assert.deepEqual([...new Set(ids)], ids);
  });
  for (const rule of LINT_RULES) {
    it(`${rule.id}: the bad example fires, the good one does not`, async () => {
      const extra = rule.exampleFiles ?? {};
      const bad = await findingsOf({ ...extra, [fileFor(rule.bad)]: rule.bad }, rule.id);
      assert.ok(bad.length > 0, `${rule.id} does not fire on its bad example`);
      assert.ok(bad.every((f) => f.location && f.location.line > 0), "every finding has a location");
      const good = await findingsOf({ ...extra, [fileFor(rule.good)]: rule.good }, rule.id);
      assert.deepEqual(good.map((f) => f.message), [], `${rule.id} fires on its good example`);
    });
    it(`${rule.id}: --explain shows the description and both examples`, () => {
      const text = explainRule(rule.id)!;
      for (const part of [rule.description, "Bad:", "Good:", rule.bad.split("\n")[0]]) assert.ok(text.includes(part), part);
    });
  }
});
