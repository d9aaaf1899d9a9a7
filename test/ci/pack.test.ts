/**
 * What `npm pack` gives is what users install: into an empty project, from the tarball (its
 * dependencies from the npm registry, the local npm cache first), it runs the README's main job
 * on copies of the example files and prints what the golden file says.
 */
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { ROOT } from "../helpers/cli.js";

function run(command: string, args: string[], options: SpawnSyncOptions): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

it("packs, installs into an empty project and runs `charter breaking contracts --against examples/shop-v1.0`", { timeout: 300_000 }, () => {
  const temp = mkdtempSync(join(tmpdir(), "charter-pack-"));
  // --ignore-scripts: the CLI the other tests are running stays in place (prepare would rebuild
  // dist/ under them); test/run.sh has just built it.
  const packed = run("npm", ["pack", "--json", "--silent", "--ignore-scripts", "--pack-destination", temp], { cwd: ROOT });
  assert.equal(packed.status, 0, packed.stderr);
  const [{ filename, files }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
  const paths = files.map((f) => f.path);
  assert.ok(paths.includes("dist/charter.js"), "the package holds the built CLI");
  assert.deepEqual(paths.filter((p) => p.startsWith("test/") || p.startsWith("src/") || p.startsWith("node_modules/")), [], "the package holds no tests, sources or dependencies");

  const project = join(temp, "project");
  cpSync(join(ROOT, "contracts"), join(project, "contracts"), { recursive: true });
  cpSync(join(ROOT, "examples"), join(project, "examples"), { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "empty-project", version: "1.0.0", private: true }));
  // A fresh cache folder for charter, and nothing of this repository's on the module path.
  const env = { ...process.env, CHARTER_CACHE_DIR: join(temp, "cache"), NODE_PATH: "" };
  const installed = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(temp, filename)], { cwd: project, env });
  assert.equal(installed.status, 0, installed.stderr);
  assert.doesNotMatch(installed.stderr, /EBADENGINE/, "a dependency asks for another Node than the README's");

  const job = run("npx", ["--no-install", "charter", "breaking", "contracts", "--against", "examples/shop-v1.0"], { cwd: project, env });
  assert.equal(job.stderr, "");
  assert.equal(job.stdout, readFileSync(join(ROOT, "test", "golden", "example-breaking.txt"), "utf8"));
  assert.equal(job.status, 1, "the example's removed phone field fails the gate");
});
