import assert from "node:assert/strict";
import { it } from "node:test";
import { corpus } from "../helpers/corpus.js";
import { formatScore, scoreCorpus, withoutRule } from "./buf-lint-score.js";

const found = corpus("buf-lint");

/**
 * PROTOVALIDATE (a quarter of the corpus, checked with protovalidate and a CEL type checker rather
 * than buf's Go libraries) counts toward the bar; the score without it is printed beside.
 */
it("matches buf's own lint-rule test cases (the buf-lint corpus)", { skip: found.skip }, async (t) => {
  const score = await scoreCorpus(found.dir!);
  for (const line of formatScore(score).split("\n")) t.diagnostic(line);
  const without = withoutRule(score, "PROTOVALIDATE");
  t.diagnostic(`without PROTOVALIDATE: recall ${((100 * without.matched) / without.expected).toFixed(1)}% (${without.matched}/${without.expected})`);
  const recall = score.matched / score.expected;
  assert.ok(recall >= 0.95, `recall ${(100 * recall).toFixed(1)}% is below the 95% target`);
  const weak = [...score.rules].filter(([, s]) => s.expected > 0 && s.matched / s.expected < 0.8).map(([id]) => id);
  assert.deepEqual(weak, [], "rules below 80% recall");
  const precision = (score.reported - score.unexpected) / score.reported;
  assert.ok(precision >= 0.95, `precision ${(100 * precision).toFixed(1)}%: charter reports what buf does not`);
});
