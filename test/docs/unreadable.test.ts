import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { charter, ROOT, tempTree } from "../helpers/cli.js";

/** The example registry plus contracts charter cannot read: a remote `$ref`, broken YAML, and a contract whose shared file is broken. */
function registry(): string {
  const dir = tempTree({
    "reg/remote.openapi.yaml": [
      "openapi: 3.0.3",
      "info: { title: Remote, version: '1' }",
      "paths:",
      "  /x:",
      "    get:",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema: { $ref: 'https://example.com/schemas/thing.json' }",
      "",
    ].join("\n"),
    "reg/broken.asyncapi.yaml": "asyncapi: 3.0.0\ninfo:\n  title: Broken\n  version: '1'\nchannels: { a: [ }\n",
    "reg/uses-common.openapi.yaml": "openapi: 3.0.3\ninfo: { title: Uses common, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'common.yaml#/Thing' }\n",
    "reg/common.yaml": "Thing: { type: object\n",
  });
  cpSync(join(ROOT, "contracts"), join(dir, "reg"), { recursive: true });
  return dir;
}

describe("charter docs with contracts it cannot read", () => {
  let dir: string;
  before(() => {
    dir = registry();
  });

  it("builds the rest of the site, gives each unreadable file a page with the error and its place, and warns on stderr", () => {
    const run = charter(["docs", "reg", "--out", "site"], dir);
    assert.equal(run.status, 0, run.stderr);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("charter: warning: "));
    assert.equal(warnings.length, 4, run.stderr);
    assert.match(run.stderr, /^charter: warning: reg\/remote\.openapi\.yaml:11:\d+: remote \$ref "https:\/\/example\.com\/schemas\/thing\.json" is not followed/m);
    assert.match(run.stderr, /^charter: warning: reg\/broken\.asyncapi\.yaml:5:\d+: /m);
    assert.match(run.stderr, /^charter: warning: reg\/common\.yaml:\d+:\d+: /m);
    assert.match(run.stderr, /^charter: warning: reg\/uses-common\.openapi\.yaml:6:\d+: \$ref "common\.yaml#\/Thing" names a file that does not exist/m);

    const pages = readdirSync(join(dir, "site", "contracts"));
    const index = readFileSync(join(dir, "site", "index.html"), "utf8");
    // The six example contracts, and a row for each unreadable file.
    assert.equal(index.match(/class="contract-row"/g)?.length, 10);
    assert.equal(index.match(/cannot be read/g)?.length, 4);
    for (const title of ["Orders API", "Order events", "shop.catalog.v1"]) assert.ok(index.includes(`>${title}</a>`), title);

    const remote = readFileSync(join(dir, "site", "contracts", pages.find((p) => p.startsWith("openapi-remote"))!), "utf8");
    assert.match(remote, /charter cannot read this contract/);
    assert.match(remote, /<code class="error">reg\/remote\.openapi\.yaml:11:\d+: remote \$ref &quot;https:\/\/example\.com/);
    // The lines around the place, the place marked.
    assert.match(remote, /<span class="line here"><span class="ln">11<\/span>\s+schema: \{ \$ref: &#x27;https:\/\/example\.com\/schemas\/thing\.json&#x27; \}<\/span>/);
    assert.match(remote, /<span class="ln">9<\/span>/);
    assert.ok(pages.some((p) => p.startsWith("asyncapi-broken")) && pages.some((p) => p.startsWith("file-common")), pages.join(", "));
  });

  it("fails with --strict: exit 2, the first unreadable contract on one line, no site", () => {
    const run = charter(["docs", "reg", "--out", "strict-site", "--strict"], dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^charter: reg\/[\w.-]+:\d+:\d+: .+\n$/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
    assert.ok(!existsSync(join(dir, "strict-site")));
  });
});
