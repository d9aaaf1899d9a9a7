import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, tempTree } from "../helpers/cli.js";

const api = (id: string) => `openapi: 3.1.0
info: {title: ${JSON.stringify(id)}, version: "1", x-charter-id: ${JSON.stringify(id)}}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200": {description: ok}
`;

/** Every path under a folder, for "nothing else changed". */
const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();

describe("generate and docs refuse the same bad output folders (issue 12, item 2)", () => {
  // [what, registry, --out, message]; the working directory is work/.
  const cases: [string, string, string, RegExp][] = [
    ["empty", "reg", "", /--out "" is empty/],
    ["the working directory", "reg", ".", /--out "\." is the working directory or holds it/],
    ["a folder holding the working directory", "reg", "..", /--out "\.\." is the working directory or holds it/],
    ["the file system root", "reg", "/", /--out "\/" is the root of the file system/],
    ["the registry", "reg", "reg", /--out "reg" is or holds the registry reg/],
    ["a folder inside the registry", "reg", "reg/out", /--out "reg\/out" is inside the registry reg/],
    ["a folder holding the registry", "../elsewhere/reg", "../elsewhere", /--out "\.\.\/elsewhere" is or holds the registry \.\.\/elsewhere\/reg/],
    ["an existing file", "reg", "notes.txt", /--out "notes\.txt" is a file, not a folder/],
  ];
  const dir = tempTree({ "work/reg/api.openapi.yaml": api("api"), "work/notes.txt": "mine\n", "elsewhere/reg/api.openapi.yaml": api("api") });
  const before = listing(dir);
  for (const [what, registry, out, message] of cases) {
    for (const command of ["generate", "docs"]) {
      it(`${command} --out ${JSON.stringify(out)}: ${what}`, () => {
        const run = charter([command, registry, "--out", out], join(dir, "work"));
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, new RegExp(`^charter: ${message.source}`));
        assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
        assert.deepEqual(listing(dir), before, "nothing was written");
      });
    }
  }

  for (const command of ["generate", "docs"]) {
    it(`${command}: an empty ${command}.out in charter.yaml is refused at its line`, () => {
      const work = tempTree({ "reg/api.openapi.yaml": api("api"), "reg/charter.yaml": `version: 1\n${command}:\n  out: ""\n` });
      const run = charter([command, "reg"], work);
      assert.equal(run.status, 2, run.stderr);
      assert.equal(run.stderr, `charter: reg/charter.yaml:3:8: ${command}.out "" is empty: name a folder for charter to write, such as ${command === "generate" ? "sdk" : "site"}\n`);
      assert.deepEqual(readdirSync(work), ["reg"]);
    });
  }

  it("keeps folders named after contract ids below --out, whatever the ids say", () => {
    const dir = tempTree({
      "src/index.ts": "// the user's own code\n",
      "reg/a.openapi.yaml": api("src"),
      "reg/b.openapi.yaml": api("../../escape"),
      "reg/c.openapi.yaml": api("/abs/path"),
      "reg/d.openapi.yaml": api(".charter-sdk"),
    });
    const run = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readFileSync(join(dir, "src/index.ts"), "utf8"), "// the user's own code\n");
    assert.deepEqual(readdirSync(dir).sort(), ["reg", "sdk", "src"]);
    assert.deepEqual(readdirSync(join(dir, "sdk")).sort(), [".charter-sdk", "abs-path", "charter-runtime", "charter-sdk", "escape", "src"]);
  });
});

describe("regenerating keeps the files the user added (issue 12, item 3)", () => {
  it("generate deletes only what its manifest lists, and --check ignores the user's files", () => {
    const dir = tempTree({ "reg/a.openapi.yaml": api("first"), "reg/b.openapi.yaml": api("second"), "victim.txt": "outside\n" });
    assert.equal(charter(["generate", "reg", "--out", "sdk"], dir).status, 0);
    writeFileSync(join(dir, "sdk/NOTES.md"), "mine\n");
    writeFileSync(join(dir, "sdk/first/extra.ts"), "// mine\n");
    // A manifest line that leaves the folder is never followed.
    appendFileSync(join(dir, "sdk/.charter-sdk"), "../victim.txt\n");
    rmSync(join(dir, "reg/a.openapi.yaml"));

    const check = charter(["generate", "reg", "--out", "sdk", "--check"], dir);
    assert.equal(check.status, 1);
    assert.match(check.stderr, /sdk\/first\/client\.ts is not what charter generate would write/);
    assert.doesNotMatch(check.stderr, /NOTES|extra|victim/);

    const run = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /kept 2 files it did not write/);
    assert.deepEqual(listing(join(dir, "sdk")).filter((p) => p.startsWith("first") || !p.includes("/")), [".charter-sdk", "NOTES.md", "charter-runtime", "first", "first/extra.ts", "second"]);
    assert.equal(readFileSync(join(dir, "victim.txt"), "utf8"), "outside\n");
    assert.equal(charter(["generate", "reg", "--out", "sdk", "--check"], dir).status, 0, "the user's files are not drift");
  });

  it("generate refuses to overwrite a file of the user's at a path it writes, and to write through a link", () => {
    const dir = tempTree({ "reg/a.openapi.yaml": api("first"), "elsewhere/keep.txt": "x\n" });
    assert.equal(charter(["generate", "reg", "--out", "sdk"], dir).status, 0);
    writeFileSync(join(dir, "reg/b.openapi.yaml"), api("second"));
    mkdirSync(join(dir, "sdk/second"));
    writeFileSync(join(dir, "sdk/second/index.ts"), "// mine\n");
    const clash = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(clash.status, 2);
    assert.match(clash.stderr, /^charter: .*sdk holds files that charter generate did not write at paths it writes: second\/index\.ts; move them away\n$/);
    assert.equal(readFileSync(join(dir, "sdk/second/index.ts"), "utf8"), "// mine\n");

    rmSync(join(dir, "sdk/second"), { recursive: true });
    symlinkSync(join(dir, "elsewhere"), join(dir, "sdk/second"));
    const link = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(link.status, 2);
    assert.match(link.stderr, /second is a symbolic link: charter does not write through links\n$/);
    assert.deepEqual(readdirSync(join(dir, "elsewhere")), ["keep.txt"]);
  });

  it("docs deletes the pages of a contract that is gone and keeps the user's files", () => {
    const dir = tempTree({ "reg/a.openapi.yaml": api("first"), "reg/b.openapi.yaml": api("second") });
    assert.equal(charter(["docs", "reg", "--out", "site"], dir).status, 0);
    const pages = () => readdirSync(join(dir, "site/contracts"));
    assert.equal(pages().length, 2);
    writeFileSync(join(dir, "site/CNAME"), "docs.example.com\n");
    writeFileSync(join(dir, "site/contracts/extra.html"), "mine");
    rmSync(join(dir, "reg/a.openapi.yaml"));
    assert.equal(charter(["docs", "reg", "--out", "site"], dir).status, 0);
    assert.equal(pages().length, 2, "one page of charter's left, and the user's");
    assert.ok(pages().includes("extra.html"));
    assert.equal(readFileSync(join(dir, "site/CNAME"), "utf8"), "docs.example.com\n");
    assert.ok(existsSync(join(dir, "site/index.html")));
  });
});
