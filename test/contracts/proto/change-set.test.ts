import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changeSet, outlineSources } from "../../../src/contracts/proto/change-set.js";
import { outline } from "../../../src/contracts/proto/outline.js";

const sources = (files: Record<string, string>) =>
  outlineSources({ files: new Map(Object.entries(files)), layout: { roots: ["."], excludes: [] }, base: "" });

const file = (pkg: string, body = "", imports: string[] = []) =>
  `syntax = "proto3";\npackage ${pkg};\n${imports.map((i) => `import "${i}";`).join("\n")}\n${body}\n`;

describe("outline", () => {
  it("reads package, imports and services, not comments", () => {
    const text = '// package fake.v1;\nsyntax = "proto3";\n/* service Fake { */\npackage real.v1;\nimport public "a.proto";\nimport "google/protobuf/empty.proto";\nservice S {}\n';
    assert.deepEqual(outline(text), { package: "real.v1", imports: ["a.proto", "google/protobuf/empty.proto"], hasService: true });
    assert.deepEqual(outline('syntax = "proto3";\nmessage M { string service = 1; }\n'), { package: "", imports: [], hasService: false });
  });
});

describe("which files are compiled", () => {
  const base = {
    "a/a1.proto": file("a.v1", "message A1 {}"),
    "a/a2.proto": file("a.v1", "message A2 { b.v1.B b = 1; }", ["b/b.proto"]),
    "b/b.proto": file("b.v1", "message B {}"),
    "c/c.proto": file("c.v1", "message C { b.v1.B b = 1; }", ["b/b.proto"]),
    "d/d.proto": file("d.v1", "message D {}"),
  };

  it("nothing when nothing changed", () => {
    const { changed, selected } = changeSet(sources(base), sources(base));
    assert.deepEqual([...changed], []);
    assert.deepEqual([...selected], []);
  });

  it("a changed file, its package, and what they import", () => {
    const { changed, selected } = changeSet(sources(base), sources({ ...base, "a/a1.proto": file("a.v1", "message A1 { string x = 1; }") }));
    assert.deepEqual([...changed], ["a/a1.proto"]);
    assert.deepEqual([...selected].sort(), ["a/a1.proto", "a/a2.proto", "b/b.proto"]);
  });

  it("files that import a changed file changed too, since their descriptors may", () => {
    const { changed, selected } = changeSet(sources(base), sources({ ...base, "b/b.proto": file("b.v1", "message B { int32 n = 1; }") }));
    assert.deepEqual([...changed].sort(), ["a/a2.proto", "b/b.proto", "c/c.proto"]);
    assert.deepEqual([...selected].sort(), ["a/a1.proto", "a/a2.proto", "b/b.proto", "c/c.proto"]);
  });

  it("an import that only the new version uses is compiled on both sides", () => {
    const after = { ...base, "d/d.proto": file("d.v1", "message D { b.v1.B b = 1; }", ["b/b.proto"]) };
    const { selected } = changeSet(sources(base), sources(after));
    assert.deepEqual([...selected].sort(), ["b/b.proto", "d/d.proto"]);
  });

  it("deleted and added files", () => {
    const after: Record<string, string> = { ...base, "e/e.proto": file("e.v1") };
    delete after["d/d.proto"];
    const { changed, selected } = changeSet(sources(base), sources(after));
    assert.deepEqual([...changed].sort(), ["d/d.proto", "e/e.proto"]);
    assert.deepEqual([...selected].sort(), ["d/d.proto", "e/e.proto"]);
  });
});
