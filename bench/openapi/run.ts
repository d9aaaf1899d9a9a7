/**
 * bench/openapi: charter breaking vs optic diff --check (@useoptic/optic, installed into this folder
 * only for the bench), whole process, A/B alternating, on generated specs of 500 and 5,000
 * operations with a handful of changes, on a 500-deep $ref chain, on a 500-operation ring of
 * resources that reach each other, and on Stripe's published spec pairs. Prints medians, ratios and
 * charter's peak memory. optic is given `--optic-timeout` seconds a run: a case it does not finish
 * in time is printed so, and optic is not run again on it.
 * Usage: npm run bench:openapi [-- --runs N] [-- --optic-timeout S]
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
const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option("--runs", 5);
const OPTIC_TIMEOUT_S = option("--optic-timeout", 120);

if (!existsSync(OPTIC)) {
  console.error("bench/openapi: installing optic into bench/openapi/node_modules …");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: HERE, stdio: "inherit" });
  if (install.status !== 0) process.exit(1);
}

interface Run {
  ms: number;
  /** Peak memory (GNU time's %M), when /usr/bin/time is there. */
  mb?: number;
}

/** One whole run of charter, with its peak memory; a run that fails on its input (exit 2) stops the bench. */
function runCharter(args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const useTime = existsSync("/usr/bin/time");
  const command = useTime ? ["/usr/bin/time", "-f", "%M", process.execPath] : [process.execPath];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], [...command.slice(1), CHARTER, ...args], { cwd, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`charter ${args.join(" ")} in ${cwd} exited ${result.status}:\n${result.stderr}`);
  const kb = useTime ? Number(result.stderr.trim().split("\n").pop()) : NaN;
  return { ms, mb: Number.isFinite(kb) ? kb / 1024 : undefined };
}

/**
 * One whole run of optic, or undefined when it did not finish within the timeout. coreutils'
 * `timeout` kills optic's whole process group, so no orphan keeps the machine busy.
 */
function runOptic(args: string[], cwd: string, env: NodeJS.ProcessEnv): number | undefined {
  const start = process.hrtime.bigint();
  const result = spawnSync("timeout", ["-k", "5", String(OPTIC_TIMEOUT_S), OPTIC, ...args], { cwd, env, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return result.status === 124 || result.status === 137 ? undefined : ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number): string => `${x.toFixed(0).padStart(7)} ms`;
// One cache for the whole bench, outside the compared folders (a Stripe pair's folder is shared, read-only).
const CACHE = mkdtempSync(join(tmpdir(), "charter-bench-openapi-cache-"));
const ENV: NodeJS.ProcessEnv = { ...process.env, OPTIC_TELEMETRY_LEVEL: "off", CHARTER_CACHE_DIR: CACHE };

/**
 * charter and optic on one pair, alternating, RUNS times each (optic stops at its first run that
 * does not finish). Returns charter's runs and optic's median, undefined when optic did not finish.
 */
function pair(cwd: string, before: string, after: string, format: string, withOptic: boolean): { charter: Run[]; optic?: number } {
  const charter: Run[] = [];
  const optic: number[] = [];
  let opticFinishes = withOptic;
  for (let i = 0; i < RUNS; i++) {
    charter.push(runCharter(["breaking", after, "--against", before, "--format", format], cwd, ENV));
    if (!opticFinishes) continue;
    const o = runOptic(["diff", before, after, "--check"], cwd, ENV);
    if (o === undefined) opticFinishes = false;
    else optic.push(o);
  }
  return { charter, optic: opticFinishes ? median(optic) : undefined };
}

const peak = (runs: Run[]): number | undefined => {
  const mb = runs.flatMap((r) => (r.mb === undefined ? [] : [r.mb]));
  return mb.length ? Math.max(...mb) : undefined;
};

function bench(name: string, before: string, after: string): void {
  const dir = mkdtempSync(join(tmpdir(), "charter-bench-openapi-"));
  writeFileSync(join(dir, "before.yaml"), before);
  writeFileSync(join(dir, "after.yaml"), after);
  const { charter, optic } = pair(dir, "before.yaml", "after.yaml", "text", true);
  rmSync(dir, { recursive: true, force: true });
  const c = median(charter.map((r) => r.ms));
  const mb = peak(charter);
  console.log(`${name} (${RUNS} runs each, alternating)`);
  console.log(optic === undefined ? `  optic diff --check   did not finish in ${OPTIC_TIMEOUT_S} s` : `  optic diff --check   median ${ms(optic)}`);
  console.log(`  charter breaking     median ${ms(c)}, worst ${ms(Math.max(...charter.map((r) => r.ms)))}` +
    (optic === undefined ? `, over ${(OPTIC_TIMEOUT_S * 1000 / c).toFixed(0)}x faster than optic` : `   ${(optic / c).toFixed(1)}x faster than optic`) +
    (mb === undefined ? "" : `, peak ${mb.toFixed(0)} MB`));
}

bench("500 operations, a handful of changes", generateSpec(500, false), generateSpec(500, true));
bench("5,000 operations, a handful of changes", generateSpec(5000, false), generateSpec(5000, true));
bench("a 500-deep $ref chain", generateRefChain(500, false), generateRefChain(500, true));
bench("a 500-operation ring (every operation reaches every schema)", generateRing(false), generateRing(true));

/**
 * Stripe's published spec pairs (../shared/corpus/real-world/stripe, 2–4 MB each). optic finished
 * none of them in issue 15 (killed at 10 minutes, or out of memory at 4 GB): it is tried on each
 * pair until it first does not finish in time, then not on the pairs after it (each would cost the
 * whole timeout). Per pair: charter's median, worst and peak memory; then the median and worst over the pairs.
 */
function benchStripe(): void {
  const corpus = join(ROOT, "..", "shared", "corpus", "real-world", "stripe");
  if (!existsSync(corpus)) return console.log(`Stripe pairs: skipped, ${corpus} is not there`);
  const pairs = readdirSync(corpus).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b));
  console.log(`Stripe pairs (${pairs.length}, ${RUNS} runs of charter each, alternating with optic while optic finishes)`);
  const medians: number[] = [];
  const worsts: number[] = [];
  const peaks: number[] = [];
  let opticTried = true;
  let opticStopped = "";
  for (const name of pairs) {
    const { charter, optic } = pair(join(corpus, name), "base.yaml", "revision.yaml", "json", opticTried);
    const times = charter.map((r) => r.ms);
    medians.push(median(times));
    worsts.push(Math.max(...times));
    const mb = peak(charter);
    if (mb !== undefined) peaks.push(mb);
    const opticSays = !opticTried ? "optic not run" : optic === undefined ? `optic did not finish in ${OPTIC_TIMEOUT_S} s` : `optic ${ms(optic).trim()} (${(optic / median(times)).toFixed(1)}x)`;
    if (opticTried && optic === undefined) {
      opticTried = false;
      opticStopped = `optic did not finish pair ${name} in ${OPTIC_TIMEOUT_S} s, so it was not run on the pairs after it`;
    }
    console.log(`  Stripe ${name.padStart(4)}   charter median ${ms(medians.at(-1)!)}, worst ${ms(worsts.at(-1)!)}${mb === undefined ? "" : `, peak ${mb.toFixed(0).padStart(4)} MB`}   ${opticSays}`);
  }
  console.log(`  over the pairs: charter median ${median(medians).toFixed(0)} ms, worst ${Math.max(...worsts).toFixed(0)} ms` +
    (peaks.length ? `; peak memory median ${median(peaks).toFixed(0)} MB, worst ${Math.max(...peaks).toFixed(0)} MB` : ""));
  if (opticStopped) console.log(`  ${opticStopped}`);
}

benchStripe();
rmSync(CACHE, { recursive: true, force: true });
