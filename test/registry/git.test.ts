import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { commitDate, commitsTouching, isCommit, listTree, mergeBaseOf, readBlobs, tagsMatching } from "../../src/registry/git.js";
import { git, tempTree } from "../helpers/cli.js";

/** A repository with two commits on main, the first tagged v1.0.0 and v1.1.0. */
function repository(): string {
  const dir = tempTree({ "reg/a.schema.json": '{ "type": "object" }\n' });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "one");
  git(dir, "tag", "v1.1.0");
  git(dir, "tag", "v1.0.0");
  git(dir, "commit", "-q", "--allow-empty", "-m", "two");
  return dir;
}

describe("git reader", () => {
  const dir = repository();

  it("reads what the registry readers need", () => {
    assert.equal(isCommit(dir, "HEAD"), true);
    assert.equal(isCommit(dir, "nope"), false);
    assert.deepEqual(tagsMatching(dir, "v*"), ["v1.0.0", "v1.1.0"]);
    assert.match(commitDate(dir, "v1.0.0") ?? "", /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(commitsTouching(dir, "reg", 10).length, 1);
    assert.equal(mergeBaseOf(dir, "HEAD", "main"), git(dir, "rev-parse", "HEAD").trim());
    const [entry] = listTree(dir, "HEAD", "reg");
    assert.deepEqual([entry.mode, entry.type, entry.name], ["100644", "blob", "reg/a.schema.json"]);
    assert.deepEqual(readBlobs(dir, [entry.object]), ['{ "type": "object" }\n']);
  });

  // What a user writes as a ref or a pattern is never an option: `--output=FILE` would make git write FILE.
  for (const [name, call] of [
    ["isCommit", (ref: string) => isCommit(dir, ref)],
    ["commitDate", (ref: string) => commitDate(dir, ref)],
    ["mergeBaseOf", (ref: string) => mergeBaseOf(dir, "HEAD", ref)],
    ["tagsMatching", (ref: string) => tagsMatching(dir, ref).length || undefined],
    ["listTree", (ref: string) => { try { return listTree(dir, ref, "reg").length; } catch { return undefined; } }],
  ] as const) {
    it(`${name} reads a ref starting with -- as a ref`, () => {
      const result = call(`--output=${join(dir, "written")}`);
      assert.ok(result === undefined || result === false, `${name} answered ${String(result)}`);
      assert.equal(existsSync(join(dir, "written")), false);
    });
  }
});
