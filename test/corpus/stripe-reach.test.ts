import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { it } from "node:test";
import { Ajv } from "ajv";
import { parse } from "yaml";
import type { Report } from "../../src/report/report.js";
import { charter, ROOT } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";
import { missedReaches, reachOracle } from "../helpers/reach-oracle.js";

const found = corpus("real-world/stripe");
const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

/**
 * Stripe's published spec history: for every changed component schema, every operation whose
 * request or response reaches it (the reach oracle, a plain walk over the parsed documents) carries
 * a finding about it, directly or among the operations a finding affects.
 */
for (const pair of found.dir ? readdirSync(found.dir).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b)) : [""]) {
  it(`every operation reaching a changed schema is reported (Stripe pair ${pair})`, { skip: found.skip }, (t) => {
    const dir = join(found.dir!, pair);
    const run = charter(["breaking", "revision.yaml", "--against", "base.yaml", "--format", "json"], dir);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const report: unknown = JSON.parse(run.stdout);
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    const oracle = reachOracle(parse(readFileSync(join(dir, "base.yaml"), "utf8")), parse(readFileSync(join(dir, "revision.yaml"), "utf8")));
    const missed = missedReaches(report as Report, oracle);
    const reaches = [...oracle.values()].reduce((n, s) => n + s.size, 0);
    t.diagnostic(`${reaches} (operation, changed schema) reaches in ${oracle.size} operations; ${(report as Report).findings.length} findings`);
    assert.deepEqual(missed.slice(0, 20), [], `${missed.length} of ${reaches} reaches have no finding`);
  });
}
