/**
 * bench/docs: `charter docs` on a generated registry of 200 contracts (100 proto packages,
 * 50 OpenAPI documents, 40 AsyncAPI documents, 10 JSON Schemas) with two release tags, so the
 * changelog has versions to compare. Prints the median of a few whole-process runs.
 * Usage: npm run bench:docs [-- --runs N]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAsyncApi } from "../asyncapi/generate.js";
import { generateSpec } from "../openapi/generate.js";
import { generateRegistry } from "../proto/generate.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function registry(dir: string, changed: boolean): void {
  // Proto imports resolve from the registry root, so the packages sit at its top.
  generateRegistry(dir, 100, 2, changed ? "one-field" : "base");
  for (let i = 0; i < 50; i++) {
    write(join(dir, "apis", `api${i}.openapi.yaml`), generateSpec(20, changed && i % 10 === 0).replace("title: Bench", `title: Bench API ${i}`));
  }
  for (let i = 0; i < 40; i++) write(join(dir, "events", `events${i}.asyncapi.yaml`), generateAsyncApi(10, changed && i % 10 === 0));
  for (let i = 0; i < 10; i++) {
    const properties = { id: { type: "string" }, amount: { type: "integer", maximum: changed && i === 0 ? 100 : 1000 } };
    write(join(dir, "schemas", `record${i}.schema.json`), JSON.stringify({ $id: `urn:bench:record${i}`, type: "object", properties }, null, 2));
  }
  write(join(dir, "charter.yaml"), 'version: 1\ncontracts:\n  "**": { owner: team-bench }\n');
}

function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@example.com", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@example.com" };
  if (spawnSync("git", args, { cwd, env }).status !== 0) throw new Error(`git ${args.join(" ")} failed`);
}

const repo = mkdtempSync(join(tmpdir(), "charter-bench-docs-"));
registry(join(repo, "contracts"), false);
git(repo, "init", "-q", "-b", "main");
git(repo, "add", ".");
git(repo, "commit", "-qm", "v1.0.0");
git(repo, "tag", "v1.0.0");
registry(join(repo, "contracts"), true);
git(repo, "commit", "-qam", "v1.1.0");
git(repo, "tag", "v1.1.0");

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  rmSync(join(repo, "site"), { recursive: true, force: true });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CHARTER, "docs", "contracts", "--out", "site"], { cwd: repo, env: { ...process.env, CHARTER_CACHE_DIR: join(repo, `cache-${i}`) }, encoding: "utf8" });
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (run.status !== 0) throw new Error(`charter docs failed: ${run.stderr}`);
}
if (process.env.KEEP_BENCH_REPO) console.error(`kept ${repo}`);
else rmSync(repo, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log(`charter docs, 200 contracts with two releases (${RUNS} runs, cold cache each): median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (target under 10,000 ms)`);
