/**
 * bench/docs/references: one schema referenced from 1, 100 and 10,000 places of an OpenAPI
 * document (properties of a holder schema, so the document grows by one short line a use).
 * `charter docs` renders the schema once and links each use to it: build time and peak memory
 * should stay flat however often it is used. A control of 10,000 plain string properties (the same
 * document size, no reference) shows what the document's size alone costs. Rounds alternate
 * between the cases; medians printed.
 * Usage: node --import tsx bench/docs/references.ts [--runs N]   (needs `npm run build`)
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { measureNode, median, type Measured } from "./measure.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const USES = [1, 100, 10_000];
/** The control: as many properties as the largest case, none a reference. */
const CONTROL = -10_000;

/** A schema worth not copying: 40 properties, each an object of 10 described strings (~450 nodes). */
function big(): object {
  const leaf = (i: number) => ({
    type: "object",
    properties: Object.fromEntries(Array.from({ length: 10 }, (_, j) => [`field${j}`, { type: "string", maxLength: 100, description: `Field ${j} of part ${i}, described at some length as real contracts do.` }])),
  });
  return { type: "object", description: "One schema used everywhere.", properties: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`part${i}`, leaf(i)])) };
}

function document(uses: number, plain = false): string {
  const use = plain ? { type: "string" } : { $ref: "#/components/schemas/Big" };
  const holder = { type: "object", properties: Object.fromEntries(Array.from({ length: uses }, (_, i) => [`use${i}`, use])) };
  const paths = { "/holder": { get: { operationId: "getHolder", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Holder" } } } } } } } };
  return stringify({ openapi: "3.1.0", info: { title: `References x${uses}`, version: "1" }, paths, components: { schemas: { Big: big(), Holder: holder } } });
}

const CASES = [...USES, CONTROL];
const work = mkdtempSync(join(tmpdir(), "charter-bench-refs-"));
for (const uses of CASES) {
  mkdirSync(join(work, `x${uses}`, "contracts"), { recursive: true });
  writeFileSync(join(work, `x${uses}`, "contracts", "api.openapi.yaml"), document(Math.abs(uses), uses === CONTROL));
}
const results = new Map<number, Measured[]>(CASES.map((n) => [n, []]));
const pageKb = new Map<number, number>();
for (let round = 0; round < RUNS; round++) {
  // Alternate the counts within a round, so machine load falls on all of them alike.
  for (const uses of round % 2 ? [...CASES].reverse() : CASES) {
    const dir = join(work, `x${uses}`);
    rmSync(join(dir, "site"), { recursive: true, force: true });
    results.get(uses)!.push(measureNode(CHARTER, ["docs", "contracts", "--out", "site"], dir));
    const pages = join(dir, "site", "contracts");
    pageKb.set(uses, Math.max(...readdirSync(pages).map((f) => statSync(join(pages, f)).size)) / 1024);
  }
}
rmSync(work, { recursive: true, force: true });
const base = median(results.get(USES[0])!.map((r) => r.ms));
console.log(`charter docs, one schema (~450 nodes) referenced from N places (${RUNS} alternating rounds, medians):`);
for (const uses of CASES) {
  const runs = results.get(uses)!;
  const ms = median(runs.map((r) => r.ms));
  const label = uses === CONTROL ? "control, 10,000 plain properties" : `N=${String(uses).padStart(6)}`;
  console.log(`  ${label}: ${ms.toFixed(0).padStart(6)} ms (x${(ms / base).toFixed(2)} of N=1), peak RSS ${median(runs.map((r) => r.peakMb)).toFixed(0)} MB, page ${pageKb.get(uses)!.toFixed(0)} KB`);
}
console.log("  (expanding the schema at every use would render ~4.5 million nodes at N=10,000)");
