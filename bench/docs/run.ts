/**
 * bench/docs: `charter docs` on a generated registry of 200 contracts (100 proto packages,
 * 50 OpenAPI documents, 40 AsyncAPI documents, 10 JSON Schemas) with two release tags, so the
 * changelog has versions to compare; then on a Stripe spec beside `redocly build-docs`
 * (stripe.ts). Prints medians of whole-process runs: wall time and peak RSS.
 * Usage: npm run bench:docs [-- --runs N] [--spec N]   (N of ../shared/corpus/real-world/stripe/N)
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateAsyncApi } from "../asyncapi/generate.js";
import { generateSpec } from "../openapi/generate.js";
import { generateRegistry } from "../proto/generate.js";
import { measureNode, median, type Measured } from "./measure.js";
import { compareWithRedocly } from "./stripe.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const RUNS = Number(arg("--runs", "3"));

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

const runs: Measured[] = [];
for (let i = 0; i < RUNS; i++) {
  rmSync(join(repo, "site"), { recursive: true, force: true });
  runs.push(measureNode(CHARTER, ["docs", "contracts", "--out", "site"], repo, { ...process.env, CHARTER_CACHE_DIR: join(repo, `cache-${i}`) }));
}
if (process.env.KEEP_BENCH_REPO) console.error(`kept ${repo}`);
else rmSync(repo, { recursive: true, force: true });
const ms = median(runs.map((r) => r.ms));
const peak = median(runs.map((r) => r.peakMb));
console.log(`charter docs, 200 contracts with two releases (${RUNS} runs, cold cache each): median ${ms.toFixed(0)} ms (target under 10,000 ms), peak RSS ${peak.toFixed(0)} MB`);

compareWithRedocly(ROOT, arg("--spec", "551"), RUNS);
