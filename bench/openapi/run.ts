/**
 * bench/openapi: charter breaking vs optic diff --check (@useoptic/optic, installed into this folder
 * only for the bench), whole process, on generated specs of 500 and 5,000 operations with a handful
 * of changes, on a 500-deep $ref chain, and on a 500-operation ring of resources that reach each other. Prints medians, ratios and charter's peak memory.
 * Usage: npm run bench:openapi [-- --runs N]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateRefChain, generateRing, generateSpec } from "./generate.js";

const HERE = resolve(fileURLToPath(import.meta.url), "..");
const ROOT = resolve(HERE, "../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const OPTIC = join(HERE, "node_modules", ".bin", "optic");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

if (!existsSync(OPTIC)) {
  console.error("bench/openapi: installing optic into bench/openapi/node_modules …");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: HERE, stdio: "inherit" });
  if (install.status !== 0) process.exit(1);
}

/** Wall time of one whole process, and its peak memory (from GNU time's %M, when available). */
function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; mb?: number } {
  const start = process.hrtime.bigint();
  const useTime = existsSync("/usr/bin/time");
  const result = useTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], { cwd, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] })
    : spawnSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = useTime ? Number(result.stderr.trim().split("\n").pop()) : NaN;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : undefined };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bench(name: string, before: string, after: string): void {
  const dir = mkdtempSync(join(tmpdir(), "charter-bench-openapi-"));
  writeFileSync(join(dir, "before.yaml"), before);
  writeFileSync(join(dir, "after.yaml"), after);
  const env = { ...process.env, OPTIC_TELEMETRY_LEVEL: "off", CHARTER_CACHE_DIR: join(dir, "cache") };
  const charter: number[] = [];
  const memory: number[] = [];
  const optic: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = measure(process.execPath, [CHARTER, "breaking", "after.yaml", "--against", "before.yaml"], dir, env);
    charter.push(c.ms);
    if (c.mb !== undefined) memory.push(c.mb);
    optic.push(measure(OPTIC, ["diff", "before.yaml", "after.yaml", "--check"], dir, env).ms);
  }
  rmSync(dir, { recursive: true, force: true });
  const c = median(charter);
  const o = median(optic);
  console.log(`${name} (${RUNS} runs each)`);
  console.log(`  optic diff --check   median ${o.toFixed(0).padStart(7)} ms`);
  console.log(`  charter breaking     median ${c.toFixed(0).padStart(7)} ms   ${(o / c).toFixed(1)}x faster than optic` +
    (memory.length ? `, peak ${Math.max(...memory).toFixed(0)} MB` : ""));
}

bench("500 operations, a handful of changes", generateSpec(500, false), generateSpec(500, true));
bench("5,000 operations, a handful of changes", generateSpec(5000, false), generateSpec(5000, true));
bench("a 500-deep $ref chain", generateRefChain(500, false), generateRefChain(500, true));
bench("a 500-operation ring (every operation reaches every schema)", generateRing(false), generateRing(true));

/**
 * Stripe's published spec pairs (../shared/corpus/real-world/stripe, 2–4 MB each): charter alone,
 * as optic finished none of them (killed at 10 minutes, or out of memory at 4 GB; issue 15).
 * Median and worst over the pairs of each pair's median time, and the worst peak memory.
 */
function benchStripe(): void {
  const corpus = join(ROOT, "..", "shared", "corpus", "real-world", "stripe");
  if (!existsSync(corpus)) return console.log(`Stripe pairs: skipped, ${corpus} is not there`);
  const env = { ...process.env, CHARTER_CACHE_DIR: mkdtempSync(join(tmpdir(), "charter-bench-stripe-")) };
  const times: number[] = [];
  const peaks: number[] = [];
  const pairs = readdirSync(corpus).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
  for (const pair of pairs) {
    const runs = Array.from({ length: RUNS }, () => measure(process.execPath, [CHARTER, "breaking", "revision.yaml", "--against", "base.yaml", "--format", "json"], join(corpus, pair), env));
    times.push(median(runs.map((r) => r.ms)));
    const mb = runs.flatMap((r) => (r.mb === undefined ? [] : [r.mb]));
    if (mb.length) peaks.push(Math.max(...mb));
    console.log(`  Stripe ${pair.padStart(4)}   median ${times[times.length - 1].toFixed(0).padStart(7)} ms${mb.length ? `, peak ${Math.max(...mb).toFixed(0)} MB` : ""}`);
  }
  console.log(`Stripe pairs (${pairs.length}, ${RUNS} runs each; optic does not finish one): median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms` +
    (peaks.length ? `; peak memory median ${median(peaks).toFixed(0)} MB, worst ${Math.max(...peaks).toFixed(0)} MB` : ""));
}

benchStripe();
