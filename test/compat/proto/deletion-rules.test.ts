import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const proto3 = (body: string) => `syntax = "proto3";\npackage shop.v1;\n${body}\n`;
const proto2 = (body: string) => `syntax = "proto2";\npackage shop.v1;\n${body}\n`;

const rows: RuleRow[] = [
  {
    name: "nested enum deleted: generated code breaks (conditional both ways)",
    before: { "a.proto": proto3("message Order { enum Status { STATUS_UNSPECIFIED = 0; } }") },
    after: { "a.proto": proto3("message Order {}") },
    rule: "ENUM_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present enum "Order.Status" was deleted from file; generated code that names it breaks',
  },
  {
    name: "message deleted",
    before: { "a.proto": proto3("message Order {}\nmessage Item {}") },
    after: { "a.proto": proto3("message Order {}") },
    rule: "MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present message "Item" was deleted from file',
  },
  {
    name: "message moved to another file of the package still counts as deleted from its file",
    before: { "a.proto": proto3("message Order {}\nmessage Item {}") },
    after: { "a.proto": proto3("message Order {}"), "b.proto": proto3("message Item {}") },
    rule: "MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'message "Item" was deleted from file',
  },
  {
    name: "renamed map field deletes its map entry message",
    before: { "a.proto": proto3("message Order { map<string, int32> counts = 1; }") },
    after: { "a.proto": proto3("message Order { map<string, int32> totals = 1; }") },
    rule: "MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present message "Order.CountsEntry" was deleted from file',
  },
  {
    name: "extension deleted",
    before: { "a.proto": proto2("message Order { extensions 100 to 200; }\nextend Order { optional int32 tag = 100; }") },
    after: { "a.proto": proto2("message Order { extensions 100 to 200; }") },
    rule: "EXTENSION_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present extension "tag" was deleted from file',
  },
  {
    name: "service deleted: old clients fail (backward breaking, forward compatible)",
    before: { "a.proto": proto3("message Order {}\nservice Orders { rpc Get(Order) returns (Order); }") },
    after: { "a.proto": proto3("message Order {}") },
    rule: "SERVICE_NO_DELETE",
    backward: "breaking",
    forward: "compatible",
    message: 'Previously present service "Orders" was deleted from file; old clients calling it fail.',
  },
  {
    name: "a deleted file is FILE_NO_DELETE's finding, not its types'",
    before: { "a.proto": proto3("message Order {}"), "b.proto": proto3("message Item {}") },
    after: { "a.proto": proto3("message Order {}") },
    rule: "MESSAGE_NO_DELETE",
  },
];

describe("deletion rules", () => {
  ruleTable(rows);

  it("points at the nearest surviving enclosing message, else at the file", async () => {
    const before = proto3("message Outer {\n  message Middle {\n    message Inner {\n      enum E { E_UNSPECIFIED = 0; }\n    }\n  }\n}\nenum Top { TOP_UNSPECIFIED = 0; }");
    const after = proto3("message Outer {\n  message Middle {}\n}");
    const changes = await compare({ "a.proto": before }, { "a.proto": after }, ["ENUM_NO_DELETE", "MESSAGE_NO_DELETE"]);
    const at = (message: string) => changes.find((c) => c.message.includes(message))?.location;
    assert.deepEqual(at('enum "Outer.Middle.Inner.E"'), { file: "a.proto", line: 4, column: 3 });
    assert.deepEqual(at('message "Outer.Middle.Inner"'), { file: "a.proto", line: 4, column: 3 });
    assert.deepEqual(at('enum "Top"'), { file: "a.proto", line: 1, column: 1 });
  });
});
