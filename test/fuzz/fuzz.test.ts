import assert from "node:assert/strict";
import { test } from "node:test";
import { corpus } from "../helpers/corpus.js";
import { runCampaign } from "./campaign.js";

/** Fixed, so every run of the suite tries the same mutants; `npm run fuzz` tries others. */
const SEED = 20261202;
const COUNT = 200;
/**
 * A failing run stops after this many failing mutants: enough to act on, and it bounds what hangs
 * cost (each is killed only at the limit).
 */
const MAX_FAILED = 12;

test("every command keeps charter's promise on mutants of the example registry and the AsyncAPI examples", async (t) => {
  const asyncapi = corpus("real-world/asyncapi-spec");
  if (asyncapi.skip) t.diagnostic(`only the example registry: ${asyncapi.skip}`);
  const tally = await runCampaign({
    profile: "quick",
    seed: SEED,
    indexes: Array.from({ length: COUNT }, (_, i) => i),
    jobs: 2,
    spawn: false,
    stopAtLimit: true,
    maxFailed: MAX_FAILED,
    dirs: { asyncapi: asyncapi.dir },
  });
  for (const line of tally.format().split("\n").slice(0, 7)) t.diagnostic(line);
  assert.equal(tally.violationCount, 0, `charter broke its promise; reproduce a mutant with npm run fuzz -- --profile quick --seed S --only N\n${tally.format()}`);
});
