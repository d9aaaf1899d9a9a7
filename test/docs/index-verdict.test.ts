import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, git, tempTree } from "../helpers/cli.js";

const api = (title: string, paths: string[]): string =>
  [`openapi: 3.0.3`, `info: { title: ${title}, version: "1", x-charter-id: ${title.toLowerCase()} }`, "paths:", ...paths.flatMap((p) => [`  ${p}:`, "    get:", "      responses: { '200': { description: ok } }"]), ""].join("\n");

/** The index row of a contract, by its title. */
const row = (index: string, title: string): string => {
  const rows = index.split('<tr class="contract-row"').slice(1);
  const found = rows.find((r) => r.includes(`>${title}</a>`));
  assert.ok(found, title);
  return found;
};

describe("the docs index", () => {
  it("shows the latest release's verdicts where the changelog says a contract fails its mode, and the change where it passes", () => {
    const dir = tempTree({ "reg/shrinks.openapi.yaml": api("Shrinks", ["/a", "/b"]), "reg/grows.openapi.yaml": api("Grows", ["/a"]) });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "first");
    git(dir, "tag", "v1.0.0");
    // Removing an operation breaks old clients (BACKWARD, the API default); adding one does not.
    writeFileSync(join(dir, "reg", "shrinks.openapi.yaml"), api("Shrinks", ["/a"]));
    writeFileSync(join(dir, "reg", "grows.openapi.yaml"), api("Grows", ["/a", "/b"]));
    git(dir, "commit", "-qam", "second");
    git(dir, "tag", "v1.1.0");

    const run = charter(["docs", "reg", "--out", "site"], dir);
    assert.equal(run.status, 0, run.stderr);
    const index = readFileSync(join(dir, "site", "index.html"), "utf8");
    const shrinks = row(index, "Shrinks");
    assert.match(shrinks, />v1\.1\.0<\/a> <span class="badge fail">fails its mode<\/span>/);
    assert.match(shrinks, /backward <span class="verdict verdict-breaking">breaking<\/span>/);
    assert.doesNotMatch(shrinks, /modified/);
    const grows = row(index, "Grows");
    assert.match(grows, />v1\.1\.0<\/a> <span class="muted">modified<\/span>/);
    assert.doesNotMatch(grows, /fails its mode/);
  });
});
