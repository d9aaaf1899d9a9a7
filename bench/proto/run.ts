/**
 * bench/proto: charter breaking vs buf breaking, whole process, on
 * (a) the example registry against its previous release,
 * (b) a generated registry of 1,000 files in 100 packages with a one-field change, and
 * (c) the same registry with a change to the one file every package imports: charter's worst
 *     case, since it compiles only what a change can reach.
 * Prints medians and ratios. Usage: npm run bench:proto [-- --runs N]
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bufBinary } from "../../src/contracts/proto/buf-binary.js";
import { generateRegistry } from "./generate.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;

function time(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1 && result.status !== 100) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Case {
  name: string;
  cwd: string;
  input: string;
  against: string;
}

function bench(c: Case): void {
  const cacheRoot = mkdtempSync(join(tmpdir(), "charter-bench-cache-"));
  const warmEnv = { ...process.env, CHARTER_CACHE_DIR: join(cacheRoot, "warm") };
  const buf: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  time(process.execPath, [CHARTER, "breaking", c.input, "--against", c.against], c.cwd, warmEnv); // fill the warm cache
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so drift in the machine's load hits all three alike.
    buf.push(time(bufBinary(), ["breaking", c.input, "--against", c.against], c.cwd));
    cold.push(time(process.execPath, [CHARTER, "breaking", c.input, "--against", c.against], c.cwd, { ...process.env, CHARTER_CACHE_DIR: join(cacheRoot, `cold-${i}`) }));
    warm.push(time(process.execPath, [CHARTER, "breaking", c.input, "--against", c.against], c.cwd, warmEnv));
  }
  rmSync(cacheRoot, { recursive: true, force: true });
  const b = median(buf);
  const line = (label: string, xs: number[]) =>
    `  ${label.padEnd(28)} median ${median(xs).toFixed(0).padStart(6)} ms   ratio to buf ${(median(xs) / b).toFixed(2)}x`;
  console.log(`${c.name} (${RUNS} runs each)`);
  console.log(`  ${"buf breaking".padEnd(28)} median ${b.toFixed(0).padStart(6)} ms`);
  console.log(line("charter (cold cache)", cold));
  console.log(line("charter (warm cache)", warm));
}

/** The proto files of a registry, copied alone: buf reads nothing else, so charter should not either. */
function protosOf(registry: string, into: string): void {
  for (const file of readdirSync(registry, { recursive: true, encoding: "utf8" })) {
    if (!file.endsWith(".proto")) continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(registry, file), join(into, file));
  }
}

const small = mkdtempSync(join(tmpdir(), "charter-bench-small-"));
protosOf(join(ROOT, "contracts"), join(small, "after"));
protosOf(join(ROOT, "examples", "shop-v1.0"), join(small, "before"));
bench({ name: "(a) small pair: the example registry's protos against their previous release", cwd: small, input: "after", against: "before" });
rmSync(small, { recursive: true, force: true });

const large = mkdtempSync(join(tmpdir(), "charter-bench-registry-"));
generateRegistry(join(large, "before"), 100, 10, "base");
generateRegistry(join(large, "one-field"), 100, 10, "one-field");
generateRegistry(join(large, "shared-file"), 100, 10, "shared-file");
bench({ name: "(b) 1,000 files in 100 packages, one field changed", cwd: large, input: "one-field", against: "before" });
bench({ name: "(c) 1,000 files in 100 packages, the shared file changed", cwd: large, input: "shared-file", against: "before" });
rmSync(large, { recursive: true, force: true });
