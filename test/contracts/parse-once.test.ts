import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { charter, ROOT } from "../helpers/cli.js";

/** Every YAML/JSON contract file under a folder (not its config), as the CLI names it from the repository root. */
function documents(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((path) => /\.(ya?ml|json)$/.test(path) && !path.endsWith("charter.yaml"))
    .map((path) => relative(ROOT, join(ROOT, folder, path)))
    .sort();
}

describe("one parse a document", () => {
  it("charter check parses each document of both versions once, though lint and breaking both read them", () => {
    const run = charter(["check", "contracts", "--against", "examples/shop-v1.0", "--verbose"]);
    assert.equal(run.status, 1, run.stderr);
    const counts = new Map([...run.stderr.matchAll(/^charter: parsed (\S+) (once|(\d+) times)$/gm)].map((m) => [m[1], m[3] ? Number(m[3]) : 1]));
    const expected = [...documents("contracts"), ...documents("examples/shop-v1.0")];
    assert.deepEqual([...counts.keys()].filter((file) => expected.includes(file)).sort(), expected);
    assert.deepEqual([...counts].filter(([, count]) => count !== 1), []);
  });
});
