/**
 * A newcomer's first hour: a clone of the repository (committed files only) in a fresh folder,
 * with no ../shared beside it, runs the README's two set-up commands as written, and both do
 * what the README says. It runs npm ci and the whole suite again, so it runs only when asked:
 * .ci/run sets CHARTER_CLONE_TEST=1. Inside the clone it makes, CHARTER_IN_CLONE=1 stops it
 * from running again.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { ROOT } from "../helpers/cli.js";

const skip = process.env.CHARTER_IN_CLONE === "1"
  ? "inside the clone this test made"
  : process.env.CHARTER_CLONE_TEST !== "1" && "clones the repository and runs the whole suite there: .ci/run runs it (CHARTER_CLONE_TEST=1)";

/** The shell commands of the README's set-up section, in order. */
function setUpCommands(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /^## Set up[^\n]*\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^```sh\n([\s\S]*?)```/gm)].map((m) => m[1].trim());
}

it("runs the README's two set-up commands in a fresh clone with nothing beside it", { skip, timeout: 30 * 60_000 }, (t) => {
  const commands = setUpCommands();
  assert.equal(commands.length, 2, "the README's set-up section has two commands");
  assert.match(commands[0], /npx charter breaking contracts --against examples\/shop-v1\.0$/);
  assert.match(commands[1], /npm test$/);

  const clone = join(mkdtempSync(join(tmpdir(), "charter-clone-")), "charter");
  const cloned = spawnSync("git", ["clone", "--quiet", ROOT, clone], { encoding: "utf8" });
  assert.equal(cloned.status, 0, cloned.stderr);
  assert.ok(!existsSync(join(clone, "..", "shared")));

  // charter's own cache starts empty; the npm cache stays (the registry is the only network).
  const env: NodeJS.ProcessEnv = { ...process.env, CHARTER_IN_CLONE: "1", CHARTER_CACHE_DIR: join(clone, "..", "cache") };
  delete env.CHARTER_CLONE_TEST;
  // A newcomer's shell: outside CI, tests whose corpus or tool is missing skip with their reason
  // (with CI=true they fail, as CI's own run must when ../shared is missing).
  delete env.CI;
  // Set by the test runner for its child processes: a `node --test` that sees it reports to a
  // parent runner instead of printing its results.
  delete env.NODE_TEST_CONTEXT;
  const run = (command: string) => {
    const result = spawnSync("bash", ["-c", command], { cwd: clone, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };

  const example = run(commands[0]);
  assert.doesNotMatch(example.stderr, /EBADENGINE/, "npm ci warns that a dependency wants another Node");
  assert.ok(example.stdout.endsWith(readFileSync(join(ROOT, "test", "golden", "example-breaking.txt"), "utf8")), `${example.stdout}\n${example.stderr}`);
  assert.equal(example.status, 1, "the example's removed phone field fails the gate");

  const tests = run(commands[1]);
  const summary = tests.stdout.split("\n").filter((line) => /^# (tests|pass|fail|cancelled|skipped|todo) /.test(line));
  for (const line of summary) t.diagnostic(`in the clone: ${line.slice(2)}`);
  const failed = tests.stdout.split("\n").filter((line) => /^\s*not ok /.test(line) && !/# TODO/.test(line));
  assert.equal(tests.status, 0, `npm test failed in the clone:\n${failed.join("\n")}\n${tests.stdout.slice(-20_000)}\n${tests.stderr.slice(-5_000)}`);
  assert.ok(summary.includes("# fail 0") && summary.some((line) => /^# pass [1-9]/.test(line)), summary.join("\n"));
});
