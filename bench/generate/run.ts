/**
 * bench/generate: `charter generate` on a generated registry of 100 contracts (50 OpenAPI
 * documents of 20 operations, 50 proto packages with a service each), whole process, median of a
 * few runs with a cold cache. Usage: npm run bench:generate [-- --runs N]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSpec } from "../openapi/generate.js";
import { generateRegistry } from "../proto/generate.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

const dir = mkdtempSync(join(tmpdir(), "charter-bench-generate-"));
const registry = join(dir, "contracts");
generateRegistry(registry, 50, 2, "base");
for (let i = 0; i < 50; i++) {
  const path = join(registry, "apis", `api${i}.openapi.yaml`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, generateSpec(20, false).replace("title: Bench", `title: Bench API ${i}\n  x-charter-id: bench.api${i}.v1`));
}

const times: number[] = [];
let files = 0;
for (let i = 0; i < RUNS; i++) {
  const out = join(dir, `sdk-${i}`);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CHARTER, "generate", "contracts", "--out", out], { cwd: dir, env: { ...process.env, CHARTER_CACHE_DIR: join(dir, `cache-${i}`) }, encoding: "utf8" });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (run.status !== 0) throw new Error(`charter generate failed: ${run.stderr}`);
  files = readdirSync(out, { recursive: true }).length;
}
rmSync(dir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(`charter generate, 100 contracts (${files} files written; ${RUNS} runs, cold cache each): median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (target under 10,000 ms)`);
