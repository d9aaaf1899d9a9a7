/**
 * bench/asyncapi: charter breaking vs @asyncapi/parser + @asyncapi/diff (installed into this folder
 * only for the bench), whole process, on a small pair (the example registry's order events) and a
 * pair of ~3,000-line documents. charter is timed cold, on an empty cache (its first run on a
 * machine, as on a CI runner: documents never validated, the schema's validator shipped compiled
 * with charter), and warm (documents already validated). Runs alternate with the peer's. Prints medians and ratios. Usage: npm run bench:asyncapi [-- --runs N]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAsyncApi } from "./generate.js";

const HERE = resolve(fileURLToPath(import.meta.url), "..");
const ROOT = resolve(HERE, "../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const PEER = join(HERE, "peer.mjs");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

if (!existsSync(join(HERE, "node_modules", "@asyncapi", "diff"))) {
  console.error("bench/asyncapi: installing the peer tools into bench/asyncapi/node_modules …");
  if (spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: HERE, stdio: "inherit" }).status !== 0) process.exit(1);
}

function time(args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bench(name: string, before: string, after: string): void {
  const dir = mkdtempSync(join(tmpdir(), "charter-bench-asyncapi-"));
  writeFileSync(join(dir, "before.yaml"), before);
  writeFileSync(join(dir, "after.yaml"), after);
  const charterArgs = [CHARTER, "breaking", "after.yaml", "--against", "before.yaml"];
  const warmEnv = { ...process.env, CHARTER_CACHE_DIR: join(dir, "warm") };
  time(charterArgs, dir, warmEnv);
  const peer: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    peer.push(time([PEER, "before.yaml", "after.yaml"], dir, process.env));
    cold.push(time(charterArgs, dir, { ...process.env, CHARTER_CACHE_DIR: join(dir, `empty-${i}`) }));
    warm.push(time(charterArgs, dir, warmEnv));
  }
  rmSync(dir, { recursive: true, force: true });
  const p = median(peer);
  const line = (label: string, xs: number[]) => `  ${label.padEnd(30)} median ${median(xs).toFixed(0).padStart(6)} ms   ${(p / median(xs)).toFixed(1)}x faster than the peer`;
  console.log(`${name} (${RUNS} runs each)`);
  console.log(`  ${"@asyncapi/parser + diff".padEnd(30)} median ${p.toFixed(0).padStart(6)} ms`);
  console.log(line("charter (cold: empty cache)", cold));
  console.log(line("charter (warm cache)", warm));
}

const example = (path: string) => readFileSync(join(ROOT, path), "utf8");
bench("small pair: the example's order events", example("examples/shop-v1.0/orders/order-events.asyncapi.yaml"), example("contracts/orders/order-events.asyncapi.yaml"));
const large = generateAsyncApi(61, false);
console.error(`large pair: ${large.split("\n").length} lines each`);
bench("large pair: ~3,000-line documents", large, generateAsyncApi(61, true));
