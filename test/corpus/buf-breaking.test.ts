import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { it } from "node:test";
import { CORPUS, formatScore, scoreCorpus } from "./buf-breaking-score.js";

it("matches buf's own breaking-rule test cases (../shared/corpus/buf-breaking)", async (t) => {
  assert.ok(existsSync(CORPUS), `the corpus is missing at ${CORPUS}`);
  const score = await scoreCorpus();
  for (const line of formatScore(score).split("\n")) t.diagnostic(line);
  const recall = score.matched / score.expected;
  assert.ok(recall >= 0.95, `recall ${(100 * recall).toFixed(1)}% is below the 95% target`);
  const weak = [...score.rules].filter(([, s]) => s.expected > 0 && s.matched / s.expected < 0.8).map(([id]) => id);
  assert.deepEqual(weak, [], "rules below 80% recall");
  const precision = (score.reported - score.unexpected) / score.reported;
  assert.ok(precision >= 0.95, `precision ${(100 * precision).toFixed(1)}%: charter reports what buf does not`);
});
