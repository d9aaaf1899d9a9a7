import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const proto = (lines: string, syntax = 'syntax = "proto3";', pkg = "shop.v1") => `${syntax}\npackage ${pkg};\n${lines}\nmessage M {}\n`;

/** An option change, set on one side and left out (so at its default) or changed on the other. */
const option = (rule: string, before: string, after: string, message: string): RuleRow => ({
  name: `${rule}: ${before || "unset"} -> ${after || "unset"}`,
  before: { "a.proto": proto(before) },
  after: { "a.proto": proto(after) },
  rule,
  backward: "conditional",
  forward: "conditional",
  message,
});

const rows: RuleRow[] = [
  {
    name: "file deleted: generated code breaks, fields report the wire",
    before: { "a.proto": proto(""), "b.proto": proto("", undefined, "shop.v2") },
    after: { "a.proto": proto("") },
    rule: "FILE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present file "b.proto" was deleted',
  },
  {
    name: "file holding a service deleted: old clients calling its RPCs fail",
    before: { "a.proto": proto(""), "b.proto": proto("service Orders { rpc Get(M) returns (M); }", undefined, "shop.v2") },
    after: { "a.proto": proto("") },
    rule: "FILE_NO_DELETE",
    backward: "breaking",
    forward: "conditional",
    message: 'Previously present file "b.proto" was deleted with service "Orders"; old clients calling its RPCs fail.',
  },
  {
    name: "file holding a service deleted, the service moved to a kept file: generated code only",
    before: { "a.proto": proto(""), "b.proto": 'syntax = "proto3";\npackage shop.v1;\nimport "a.proto";\nservice Orders { rpc Get(M) returns (M); }\n' },
    after: { "a.proto": proto("service Orders { rpc Get(M) returns (M); }") },
    rule: "FILE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present file "b.proto" was deleted; generated code',
  },
  {
    name: "package changed: every full name changes",
    before: { "a.proto": proto("") },
    after: { "a.proto": proto("", undefined, "shop.v2") },
    rule: "FILE_SAME_PACKAGE",
    backward: "breaking",
    forward: "breaking",
    message: 'File package changed from "shop.v1" to "shop.v2"',
  },
  {
    name: "syntax changed, proto2 when unspecified",
    before: { "a.proto": proto("", 'syntax = "proto3";') },
    after: { "a.proto": proto("", "") },
    rule: "FILE_SAME_SYNTAX",
    backward: "conditional",
    forward: "conditional",
    message: 'File syntax changed from "proto3" to "proto2"',
  },
  {
    name: "syntax changed to editions",
    before: { "a.proto": proto("") },
    after: { "a.proto": proto("", 'edition = "2023";') },
    rule: "FILE_SAME_SYNTAX",
    backward: "conditional",
    forward: "conditional",
    message: 'File syntax changed from "proto3" to "editions"',
  },
  option("FILE_SAME_JAVA_PACKAGE", 'option java_package = "com.shop";', "", 'File option "java_package" changed from "com.shop" to ""; this affects generated code only.'),
  option("FILE_SAME_JAVA_OUTER_CLASSNAME", "", 'option java_outer_classname = "Shop";', 'File option "java_outer_classname" changed from "" to "Shop"'),
  option("FILE_SAME_OPTIMIZE_FOR", "option optimize_for = CODE_SIZE;", "", 'File option "optimize_for" changed from "CODE_SIZE" to "SPEED"'),
  option("FILE_SAME_JAVA_MULTIPLE_FILES", "option java_multiple_files = true;", "", 'File option "java_multiple_files" changed from "true" to "false"'),
  option("FILE_SAME_GO_PACKAGE", 'option go_package = "a/b";', 'option go_package = "a/c";', 'File option "go_package" changed from "a/b" to "a/c"'),
  option("FILE_SAME_CC_GENERIC_SERVICES", "", "option cc_generic_services = true;", 'File option "cc_generic_services" changed from "false" to "true"'),
  option("FILE_SAME_JAVA_GENERIC_SERVICES", "", "option java_generic_services = true;", 'File option "java_generic_services" changed from "false" to "true"'),
  option("FILE_SAME_PY_GENERIC_SERVICES", "", "option py_generic_services = true;", 'File option "py_generic_services" changed from "false" to "true"'),
  option("FILE_SAME_CC_ENABLE_ARENAS", "", "option cc_enable_arenas = false;", 'File option "cc_enable_arenas" changed from "true" to "false"'),
  option("FILE_SAME_OBJC_CLASS_PREFIX", "", 'option objc_class_prefix = "SHP";', 'File option "objc_class_prefix" changed from "" to "SHP"'),
  option("FILE_SAME_CSHARP_NAMESPACE", "", 'option csharp_namespace = "Shop";', 'File option "csharp_namespace" changed from "" to "Shop"'),
  option("FILE_SAME_SWIFT_PREFIX", "", 'option swift_prefix = "Shp";', 'File option "swift_prefix" changed from "" to "Shp"'),
  option("FILE_SAME_PHP_CLASS_PREFIX", "", 'option php_class_prefix = "Shp";', 'File option "php_class_prefix" changed from "" to "Shp"'),
  option("FILE_SAME_PHP_NAMESPACE", "", 'option php_namespace = "Shop";', 'File option "php_namespace" changed from "" to "Shop"'),
  option("FILE_SAME_PHP_METADATA_NAMESPACE", "", 'option php_metadata_namespace = "Meta";', 'File option "php_metadata_namespace" changed from "" to "Meta"'),
  option("FILE_SAME_RUBY_PACKAGE", "", 'option ruby_package = "Shop";', 'File option "ruby_package" changed from "" to "Shop"'),
  {
    name: "an option spelled out at its default value is no change",
    before: { "a.proto": proto("option cc_enable_arenas = true;") },
    after: { "a.proto": proto("") },
    rule: "FILE_SAME_CC_ENABLE_ARENAS",
  },
];

describe("file rules", () => {
  ruleTable(rows);

  it("a deleted file has no location in the new version, only before", async () => {
    const [change] = await compare({ "a.proto": proto(""), "b.proto": proto("", undefined, "shop.v2") }, { "a.proto": proto("") }, ["FILE_NO_DELETE"]);
    assert.equal(change.location, undefined);
    assert.deepEqual(change.before, { file: "b.proto", line: 1, column: 1 });
  });

  it("an option points at its statement, or at the file once removed", async () => {
    const [added] = await compare({ "a.proto": proto("") }, { "a.proto": proto('option go_package = "x";') }, ["FILE_SAME_GO_PACKAGE"]);
    assert.deepEqual(added.location, { file: "a.proto", line: 3, column: 1 });
    const [removed] = await compare({ "a.proto": proto('option go_package = "x";') }, { "a.proto": proto("") }, ["FILE_SAME_GO_PACKAGE"]);
    assert.deepEqual(removed.location, { file: "a.proto", line: 1, column: 1 });
  });
});
