import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "golden");

/**
 * Compares what a user sees with a file under test/golden/. Run with UPDATE_GOLDEN=1 to
 * (re)write the files, then review the diff in git.
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(path, "utf8"), `output differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`);
}
