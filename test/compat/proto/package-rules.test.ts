import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const proto = (pkg: string, body: string) => `syntax = "proto3";\npackage ${pkg};\n${body}\n`;
const proto2 = (pkg: string, body: string) => `syntax = "proto2";\npackage ${pkg};\n${body}\n`;

const rows: RuleRow[] = [
  {
    name: "package deleted",
    before: { "a.proto": proto("shop.v1", "message A {}"), "b.proto": proto("shop.legacy", "message B {}") },
    after: { "a.proto": proto("shop.v1", "message A {}") },
    rule: "PACKAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present package "shop.legacy" was deleted',
  },
  {
    name: "enum deleted from the package",
    before: { "a.proto": proto("shop.v1", "enum A { A_UNSPECIFIED = 0; }\nenum B { B_UNSPECIFIED = 0; }") },
    after: { "a.proto": proto("shop.v1", "enum A { A_UNSPECIFIED = 0; }") },
    rule: "PACKAGE_ENUM_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present enum "B" was deleted from package "shop.v1"; generated code that names it breaks',
  },
  {
    name: "buf skips a package left without any enum",
    before: { "a.proto": proto("shop.v1", "message A {}\nenum B { B_UNSPECIFIED = 0; }") },
    after: { "a.proto": proto("shop.v1", "message A {}") },
    rule: "PACKAGE_ENUM_NO_DELETE",
  },
  {
    name: "message deleted from the package",
    before: { "a.proto": proto("shop.v1", "message A { message Inner {} }") },
    after: { "a.proto": proto("shop.v1", "message A {}") },
    rule: "PACKAGE_MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present message "A.Inner" was deleted from package "shop.v1"',
  },
  {
    name: "message moved between files of the package is no deletion",
    before: { "a.proto": proto("shop.v1", "message A {}\nmessage B {}") },
    after: { "a.proto": proto("shop.v1", "message A {}"), "b.proto": proto("shop.v1", "message B {}") },
    rule: "PACKAGE_MESSAGE_NO_DELETE",
  },
  {
    name: "extension deleted from the package",
    before: { "a.proto": proto2("shop.v1", "message A { extensions 1 to 9; }\nextend A { optional int32 x = 1; optional int32 y = 2; }") },
    after: { "a.proto": proto2("shop.v1", "message A { extensions 1 to 9; }\nextend A { optional int32 x = 1; }") },
    rule: "PACKAGE_EXTENSION_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present extension "y" was deleted from package "shop.v1"',
  },
  {
    name: "service deleted from the package: old clients fail",
    before: { "a.proto": proto("shop.v1", "message A {}\nservice S { rpc Get(A) returns (A); }") },
    after: { "a.proto": proto("shop.v1", "message A {}") },
    rule: "PACKAGE_SERVICE_NO_DELETE",
    backward: "breaking",
    forward: "compatible",
    message: 'Previously present service "S" was deleted from package "shop.v1"; old clients calling it fail.',
  },
];

describe("package rules", () => {
  ruleTable(rows);

  it("looks for a surviving ancestor of a message across the package's files", async () => {
    const before = { "a.proto": proto("shop.v1", "message Outer { message Inner {} }") };
    const after = { "a.proto": proto("shop.v1", "message Other {}"), "b.proto": proto("shop.v1", "\n\nmessage Outer {}") };
    const [change] = await compare(before, after, ["PACKAGE_MESSAGE_NO_DELETE"]);
    assert.deepEqual(change.location, { file: "b.proto", line: 5, column: 1 });
  });

  it("has no location when the deleted type's file is gone too", async () => {
    const before = { "a.proto": proto("shop.v1", "message A {}"), "b.proto": proto("shop.v1", "message B {}") };
    const [change] = await compare(before, { "a.proto": proto("shop.v1", "message A {}") }, ["PACKAGE_MESSAGE_NO_DELETE"]);
    assert.equal(change.location, undefined);
    assert.deepEqual(change.before, { file: "b.proto", line: 3, column: 1 });
  });
});
