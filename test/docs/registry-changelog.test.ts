import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, git, tempTree } from "../helpers/cli.js";

const api = (title: string, paths: string[]): string =>
  [`openapi: 3.0.3`, `info: { title: ${title}, version: "1", x-charter-id: ${title.toLowerCase()} }`, "paths:", ...paths.flatMap((p) => [`  ${p}:`, "    get:", "      responses: { '200': { description: ok } }"]), ""].join("\n");

/** Undoes handlebars' escaping of the text compared below. */
const unescape = (html: string): string => html.replace(/&#x27;|&#x60;|&#x3D;|&quot;|&lt;|&gt;|&amp;/g, (e) => ({ "&#x27;": "'", "&#x60;": "`", "&#x3D;": "=", "&quot;": '"', "&lt;": "<", "&gt;": ">", "&amp;": "&" })[e]!);

/** The versions on the registry changelog page, in page order, each as its HTML. */
const stepsOf = (html: string): Map<string, string> =>
  new Map(html.split('<li class="version" id="').slice(1).map((step) => [step.slice(0, step.indexOf('"')), step]));

describe("the registry-wide changelog page", () => {
  const dir = tempTree({ "reg/shrinks.openapi.yaml": api("Shrinks", ["/a", "/b"]), "reg/grows.openapi.yaml": api("Grows", ["/a"]), "reg/still.openapi.yaml": api("Still", ["/a"]) });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "first contracts");
  git(dir, "tag", "v1.0.0");
  // Removing an operation breaks old clients (BACKWARD, the API default); adding one does not.
  writeFileSync(join(dir, "reg", "shrinks.openapi.yaml"), api("Shrinks", ["/a"]));
  writeFileSync(join(dir, "reg", "grows.openapi.yaml"), api("Grows", ["/a", "/b"]));
  git(dir, "commit", "-qam", "drop /b from Shrinks, add /b to Grows");
  git(dir, "tag", "v1.1.0");
  const run = charter(["docs", "reg", "--out", "site"], dir);
  const read = (path: string) => readFileSync(join(dir, "site", path), "utf8");

  it("lists each version newest first with its date, subject, the contracts it changed and their verdicts", () => {
    assert.equal(run.status, 0, run.stderr);
    const steps = stepsOf(read("changelog.html"));
    assert.deepEqual([...steps.keys()], ["version-v1-1-0", "version-v1-0-0"], "the working tree is v1.1.0: it changed nothing");
    const latest = steps.get("version-v1-1-0")!;
    assert.match(latest, /<span class="subject">drop \/b from Shrinks, add \/b to Grows<\/span>/);
    assert.match(latest, /\d{4}-\d\d-\d\d · compared with v1\.0\.0 · 2 contracts changed/);
    const rows = latest.split("<tr>").slice(2);
    const shrinks = rows.find((r) => r.includes(">Shrinks</a>"))!;
    assert.match(shrinks, /href="contracts\/openapi-shrinks\.html#version-v1-1-0"/);
    assert.match(shrinks, /fails its mode/);
    assert.match(shrinks, /backward <span class="verdict verdict-breaking">breaking<\/span>/);
    const grows = rows.find((r) => r.includes(">Grows</a>"))!;
    assert.match(grows, /passes/);
    assert.doesNotMatch(latest, />Still</, "an unchanged contract is not listed");
    assert.match(steps.get("version-v1-0-0")!, /first contracts[\s\S]*first version · 3 contracts changed/);
  });

  it("shows the changes `charter changelog` lists for the same two versions", () => {
    const cli = charter(["changelog", "reg", "--against", "git:v1.0.0", "--format", "json"], dir);
    assert.equal(cli.status, 0, cli.stderr);
    const notes = JSON.parse(cli.stdout) as { contracts: { id: string; entries: { message: string; severity: string }[] }[] };
    const latest = stepsOf(read("changelog.html")).get("version-v1-1-0")!;
    const onPage = [...latest.matchAll(/<li><span class="severity severity-(\w+)">\w+<\/span> ([^<]*)<\/li>/g)].map((m) => `${m[1]} ${unescape(m[2])}`).sort();
    const listed = notes.contracts.flatMap((c) => c.entries.map((e) => `${e.severity} ${e.message}`)).sort();
    assert.ok(listed.length >= 2, JSON.stringify(listed));
    assert.deepEqual(onPage, listed);
  });

  it("is linked from the index and from each contract page's breadcrumbs", () => {
    assert.match(read("index.html"), /<nav class="crumbs">Contracts <span class="muted">·<\/span> <a href="changelog\.html">/);
    const page = read("contracts/openapi-shrinks.html");
    assert.match(page, /<nav class="crumbs"><a href="\.\.\/index\.html">Contracts<\/a> \/ Shrinks <span class="muted">·<\/span> <a href="\.\.\/changelog\.html#version-v1-1-0">/);
    assert.match(read("changelog.html"), /<nav class="crumbs"><a href="index\.html">Contracts<\/a> \/ Changelog<\/nav>/);
  });
});
