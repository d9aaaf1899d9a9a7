/**
 * bench/schema: the schema differ on long `$ref` chains, the shapes test/compat/schema/diff.test.ts
 * checks for correctness: a 500-deep chain of `$ref`s, and 500 nested properties each a `$ref` to
 * the next. Prints the median of a few runs of each (in process, after one warm-up run); the
 * target is well under 500 ms each.
 * Usage: npm run bench:schema [-- --runs N]
 */
import { createSchemaSource } from "../../src/contracts/schema-source.js";
import { diffSchemas } from "../../src/compat/schema/diff.js";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const DEPTH = 500;

/** A document with the compared schema at /S and its components at /C/<name>. */
function document(link: (next: string) => object, leafType: string): Map<string, string> {
  const C: Record<string, object> = {};
  for (let i = 0; i < DEPTH; i++) C[`S${i}`] = link(`#/C/S${i + 1}`);
  C[`S${DEPTH}`] = { type: leafType };
  return new Map([["a.yaml", JSON.stringify({ S: { $ref: "#/C/S0" }, C })]]);
}

function median(link: (next: string) => object): number {
  const at = { file: "a.yaml", pointer: "/S" };
  const once = () => {
    const previous = createSchemaSource(document(link, "string"), "");
    const current = createSchemaSource(document(link, "integer"), "");
    const start = process.hrtime.bigint();
    const changes = diffSchemas(at, at, { previous, current }, {});
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (changes.length !== 1) throw new Error(`expected one change, got ${changes.length}`);
    return ms;
  };
  once();
  const times = Array.from({ length: RUNS }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

console.log(`schema diff, ${DEPTH} levels (${RUNS} runs, medians):`);
console.log(`  $ref chain:                     ${median((next) => ({ $ref: next })).toFixed(1)} ms`);
console.log(`  nested properties, each a $ref: ${median((next) => ({ type: "object", properties: { next: { $ref: next } } })).toFixed(1)} ms`);
