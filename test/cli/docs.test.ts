import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, ROOT, tempTree } from "../helpers/cli.js";

describe("charter docs", () => {
  it("refuses to write into a folder it did not make, and rewrites one it did, keeping the files it did not write", () => {
    const dir = tempTree({ "mine/notes.txt": "keep me\n" });
    const refused = charter(["docs", join(ROOT, "contracts"), "--out", join(dir, "mine")], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /^charter: .*mine.* is not empty/);
    assert.equal(readFileSync(join(dir, "mine/notes.txt"), "utf8"), "keep me\n");

    const out = join(dir, "site");
    assert.equal(charter(["docs", join(ROOT, "contracts"), "--out", out], dir).status, 0);
    writeFileSync(join(out, "mine.html"), "the user's");
    assert.equal(charter(["docs", join(ROOT, "contracts"), "--out", out], dir).status, 0);
    assert.ok(existsSync(join(out, "index.html")));
    assert.equal(readFileSync(join(out, "mine.html"), "utf8"), "the user's", "a file charter did not write is kept (workspace.test.ts: the pages of a removed contract go)");
  });

  it("serves the site on 127.0.0.1 and rebuilds when a contract changes", async () => {
    const dir = tempTree({});
    const registry = join(dir, "reg");
    mkdirSync(registry);
    const schema = (title: string) => JSON.stringify({ $id: "urn:t", title, type: "object", "x-charter-owner": "team" });
    writeFileSync(join(registry, "t.schema.json"), schema("First"));
    const port = 40000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [join(ROOT, "dist/charter.js"), "docs", "reg", "--out", "site", "--serve", "--port", String(port)], { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
    const get = async (path: string) => (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    const until = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 100; i++) {
        if (await check().catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail("timed out");
    };
    try {
      await until(async () => (await get("/index.html")).includes("First"));
      writeFileSync(join(registry, "t.schema.json"), schema("Second"));
      await until(async () => (await get("/index.html")).includes("Second"));
      assert.equal((await fetch(`http://127.0.0.1:${port}/../package.json`)).status, 404);
      // A malformed URL, as any page the author has open could send: 400, and the server keeps serving.
      for (const bad of ["/%ff", "/%E0%A4%A", "/assets/%"]) assert.equal((await fetch(`http://127.0.0.1:${port}${bad}`)).status, 400, bad);
      assert.equal((await fetch(`http://127.0.0.1:${port}/index.html`)).status, 200);
      assert.equal(child.exitCode, null, "still running");
    } finally {
      child.kill();
    }
  });
});
