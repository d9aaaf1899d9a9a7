import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ROOT, tempTree } from "../helpers/cli.js";

/** The built CLI with its cache folder set (cli/start.ts keeps V8 code caches in `<cache>/v8`). */
function run(cache: string, args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [join(ROOT, "dist", "charter.js"), ...args], {
    cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CHARTER_CACHE_DIR: cache },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (cache: string) => readdirSync(join(cache, "v8"));

/** The bundle's modules a cache file holds code for (its JSON index, after a 4-byte length). */
function modulesIn(file: string): string[] {
  const bytes = readFileSync(file);
  return Object.keys(JSON.parse(bytes.toString("utf8", 4, 4 + bytes.readUInt32LE(0))) as object).sort();
}

const RULES = ["rules", "--kind", "proto"];
const OPENAPI = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\n";

describe("the built CLI keeps V8 code caches in charter's cache folder", () => {
  it("the first run writes one cache file; the next reads it, accepts every module's cache and writes nothing", () => {
    const cache = tempTree({});
    const first = run(cache, RULES);
    assert.equal(first.status, 0, first.stderr);
    const [file] = cacheFiles(cache);
    assert.deepEqual(cacheFiles(cache), [file]);
    assert.ok(modulesIn(join(cache, "v8", file)).includes("charter.js"));
    const written = statSync(join(cache, "v8", file)).mtimeMs;
    const second = run(cache, RULES);
    assert.deepEqual(second, first);
    assert.equal(statSync(join(cache, "v8", file)).mtimeMs, written, "a cache V8 rejected would have been rewritten");
  });

  it("a command that loads other modules adds their caches and keeps the others", () => {
    const cache = tempTree({});
    run(cache, RULES);
    const file = join(cache, "v8", cacheFiles(cache)[0]);
    const before = modulesIn(file);
    const registry = tempTree({ "api.yaml": OPENAPI });
    assert.equal(run(cache, ["lint", "."], registry).stderr, "");
    const after = modulesIn(file);
    assert.ok(after.length > before.length, `${after.length} modules after, ${before.length} before`);
    for (const name of before) assert.ok(after.includes(name), name);
  });

  it("a damaged cache is rebuilt, and another build's cache is removed", () => {
    const cache = tempTree({});
    const expected = run(cache, RULES);
    const [file] = cacheFiles(cache);
    writeFileSync(join(cache, "v8", file), "not a cache");
    const otherBuild = file.replace(/^[0-9a-f]+/, "0".repeat(16));
    writeFileSync(join(cache, "v8", otherBuild), "an older build's caches");
    assert.deepEqual(run(cache, RULES), expected);
    assert.deepEqual(cacheFiles(cache), [file]);
    assert.ok(modulesIn(join(cache, "v8", file)).includes("charter.js"));
  });

  it("a cache folder that cannot be written only costs speed: same output, nothing on stderr", () => {
    const expected = run(tempTree({}), RULES);
    const blocked = tempTree({ "a-file": "" });
    // A path under a regular file: no folder can be made there, whoever runs the test.
    assert.deepEqual(run(join(blocked, "a-file", "cache"), RULES), expected);
    assert.deepEqual(readdirSync(blocked), ["a-file"]);
  });
});
