import assert from "node:assert/strict";
import { it } from "node:test";
import { corpus } from "../helpers/corpus.js";
import { formatOasdiffScore, recall, scoreOasdiff } from "./oasdiff-score.js";

const found = corpus("oasdiff");

it("reports the check IDs oasdiff's own tests expect (the oasdiff corpus)", { skip: found.skip }, (t) => {
  const results = scoreOasdiff(found.dir!);
  for (const line of formatOasdiffScore(results).split("\n")) t.diagnostic(line);
  assert.deepEqual(results.filter((r) => r.error).map((r) => `${r.test}: ${r.error}`), [], "every case loads and compares");
  const { expected, matched } = recall(results);
  assert.ok(matched / expected >= 0.95, `recall ${((100 * matched) / expected).toFixed(1)}% is below the 95% target`);
});
