import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { it } from "node:test";
import { CORPUS, formatOasdiffScore, recall, scoreOasdiff } from "./oasdiff-score.js";

it("reports the check IDs oasdiff's own tests expect (../shared/corpus/oasdiff)", (t) => {
  assert.ok(existsSync(CORPUS), `the corpus is missing at ${CORPUS}`);
  const results = scoreOasdiff();
  for (const line of formatOasdiffScore(results).split("\n")) t.diagnostic(line);
  assert.deepEqual(results.filter((r) => r.error).map((r) => `${r.test}: ${r.error}`), [], "every case loads and compares");
  const { expected, matched } = recall(results);
  assert.ok(matched / expected >= 0.9, `recall ${((100 * matched) / expected).toFixed(1)}% is below the 90% target`);
});
