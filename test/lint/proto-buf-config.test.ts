import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lint } from "./helpers.js";

/** A file in the folder its package names, with a badly named message on line 4 and one on line 6. */
const file = (pkg: string, comment = "") => `syntax = "proto3";\npackage ${pkg};\n${comment}\nmessage bad_one {}\n\nmessage bad_two {}\n`;
const at = (dir: string) => `${dir}/a.proto`;

const rows: { name: string; files: Record<string, string>; rule: string; expect: string[] }[] = [
  { name: "no buf.yaml: buf's default (STANDARD) runs", files: { [at("a/v1")]: file("a.v1") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "a buf.yaml of comments only configures nothing, as an empty one", files: { "buf.yaml": "# lint settings to come\n", [at("a/v1")]: file("a.v1") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "no buf.yaml: COMMENTS is not in STANDARD", files: { [at("a/v1")]: file("a.v1") }, rule: "COMMENT_MESSAGE", expect: [] },
  { name: "use: a category (v1 COMMENTS)", files: { "buf.yaml": "version: v1\nlint:\n  use: [COMMENTS]\n", [at("a/v1")]: file("a.v1") }, rule: "COMMENT_MESSAGE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "except: a rule out of a category", files: { "buf.yaml": "version: v2\nlint:\n  use: [BASIC]\n  except: [MESSAGE_PASCAL_CASE]\n", [at("a/v1")]: file("a.v1") }, rule: "MESSAGE_PASCAL_CASE", expect: [] },
  { name: "ignore: a folder", files: { "buf.yaml": "version: v2\nlint:\n  ignore: [a]\n", [at("a/v1")]: file("a.v1"), [at("b/v1")]: file("b.v1") }, rule: "MESSAGE_PASCAL_CASE", expect: ["b/v1/a.proto:4", "b/v1/a.proto:6"] },
  { name: "ignore_only: one rule in one file", files: { "buf.yaml": "version: v1\nlint:\n  use: [STANDARD]\n  ignore_only:\n    MESSAGE_PASCAL_CASE: [b/v1/a.proto]\n", [at("a/v1")]: file("a.v1"), [at("b/v1")]: file("b.v1") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "v1: comment ignores are off unless allowed", files: { "buf.yaml": "version: v1\n", [at("a/v1")]: file("a.v1", "// buf:lint:ignore MESSAGE_PASCAL_CASE legacy") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "v1: allow_comment_ignores honours the comment on its element", files: { "buf.yaml": "version: v1\nlint:\n  allow_comment_ignores: true\n", [at("a/v1")]: file("a.v1", "// buf:lint:ignore MESSAGE_PASCAL_CASE legacy") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:6"] },
  { name: "v2: disallow_comment_ignores", files: { "buf.yaml": "version: v2\nlint:\n  disallow_comment_ignores: true\n", [at("a/v1")]: file("a.v1", "// buf:lint:ignore MESSAGE_PASCAL_CASE legacy") }, rule: "MESSAGE_PASCAL_CASE", expect: ["a/v1/a.proto:4", "a/v1/a.proto:6"] },
  { name: "enum_zero_value_suffix", files: { "buf.yaml": "version: v2\nlint:\n  enum_zero_value_suffix: _NONE\n", [at("a/v1")]: "syntax = \"proto3\";\npackage a.v1;\nenum E {\n  E_NONE = 0;\n}\nenum F {\n  F_UNSPECIFIED = 0;\n}\n" }, rule: "ENUM_ZERO_VALUE_SUFFIX", expect: ["a/v1/a.proto:7"] },
  {
    name: "v2 modules: each module's own lint section and root",
    files: {
      "buf.yaml": "version: v2\nmodules:\n  - path: one\n    lint:\n      use: [MINIMAL]\n  - path: two\n",
      [at("one/a/v1")]: file("a.v1"),
      [at("two/b/v1")]: file("b.v1"),
    },
    rule: "MESSAGE_PASCAL_CASE",
    expect: ["two/b/v1/a.proto:4", "two/b/v1/a.proto:6"],
  },
  {
    name: "buf.work.yaml: modules with their own buf.yaml, packages matched against each root",
    files: {
      "buf.work.yaml": "version: v1\ndirectories: [one, two]\n",
      "one/buf.yaml": "version: v1\nlint:\n  use: [PACKAGE_DIRECTORY_MATCH]\n",
      "two/buf.yaml": "version: v1\nlint:\n  use: [PACKAGE_DIRECTORY_MATCH]\n",
      [at("one/a/v1")]: file("a.v1"),
      [at("two/c/v1")]: file("b.v1"),
    },
    rule: "PACKAGE_DIRECTORY_MATCH",
    expect: ["two/c/v1/a.proto:2"],
  },
];

describe("buf.yaml selects and configures buf's lint rules", () => {
  for (const row of rows) {
    it(row.name, async () => {
      const report = await lint(row.files);
      const found = report.findings.filter((f) => f.rule === row.rule).map((f) => `${f.location!.file}:${f.location!.line}`);
      assert.deepEqual(found.sort(), row.expect);
    });
  }

  it("a buf.yaml that is not a mapping is refused at its first line", async () => {
    await assert.rejects(lint({ "buf.yaml": "version v2\n", [at("a/v1")]: file("a.v1") }), (error: Error) =>
      error.toString() === "buf.yaml:1:1: not a buf configuration: expected a mapping of keys (version, modules, lint, ...)");
  });
});
