import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const proto3 = (body: string) => ({ "a.proto": `syntax = "proto3";\npackage shop.v1;\n${body}\n` });
const proto2 = (body: string) => ({ "a.proto": `syntax = "proto2";\npackage shop.v1;\n${body}\n` });
const edition = (body: string) => ({ "a.proto": `edition = "2023";\npackage shop.v1;\n${body}\n` });

const rows: RuleRow[] = [
  {
    name: "oneof deleted",
    before: proto3("message M { oneof choice { int32 a = 1; string b = 2; } }"),
    after: proto3("message M { int32 a = 1; string b = 2; }"),
    rule: "ONEOF_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present oneof "choice" on message "M" was deleted',
  },
  {
    name: "a proto3 optional's synthetic oneof is not a oneof",
    before: proto3("message M { optional int32 a = 1; }"),
    after: proto3("message M { int32 a = 1; }"),
    rule: "ONEOF_NO_DELETE",
  },
  {
    name: "extension range shrunk",
    before: proto2("message M { extensions 100 to 200; }"),
    after: proto2("message M { extensions 100 to 150; }"),
    rule: "EXTENSION_MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present extension range "[100,200]" on message "M" is missing values: [151,200] were removed',
  },
  {
    name: "reserved range partly released",
    before: proto3("message M { reserved 5 to 10, 20 to max; }"),
    after: proto3("message M { reserved 5 to 6, 8 to 10, 20 to max; }"),
    rule: "RESERVED_MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present reserved range "[5,10]" on message "M" is missing values: [7] were removed; the numbers may be reused',
  },
  {
    name: "reserved range split into adjacent ranges keeps every number",
    before: proto3("message M { reserved 5 to 10; }"),
    after: proto3("message M { reserved 5 to 6, 7 to 10; }"),
    rule: "RESERVED_MESSAGE_NO_DELETE",
  },
  {
    name: "reserved name released",
    before: proto3('message M { reserved "old"; }'),
    after: proto3("message M {}"),
    rule: "RESERVED_MESSAGE_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present reserved name "old" on message "M" was deleted',
  },
  {
    name: "required field added to data: old data lacks it (backward breaking)",
    before: proto2("message M { optional int32 a = 1; }"),
    after: proto2("message M { optional int32 a = 1; required int32 b = 2; }"),
    rule: "MESSAGE_SAME_REQUIRED_FIELDS",
    backward: "breaking",
    forward: "compatible",
    message: 'Message "M" had required field "2" added. Required fields must always be sent',
  },
  {
    name: "required field made optional in data: new data may lack it (forward breaking)",
    before: proto2("message M { required int32 a = 1; }"),
    after: proto2("message M { optional int32 a = 1; }"),
    rule: "MESSAGE_SAME_REQUIRED_FIELDS",
    backward: "compatible",
    forward: "breaking",
    message: 'Message "M" had required field "1" deleted.',
  },
  {
    name: "required field added to a response: new servers send it, old clients are fine",
    before: proto2("message Req {}\nmessage M { optional int32 a = 1; }\nservice S { rpc Get(Req) returns (M); }"),
    after: proto2("message Req {}\nmessage M { optional int32 a = 1; required int32 b = 2; }\nservice S { rpc Get(Req) returns (M); }"),
    rule: "MESSAGE_SAME_REQUIRED_FIELDS",
    backward: "compatible",
    forward: "breaking",
    message: 'had required field "2" added',
  },
  {
    name: "message falls back to best-effort JSON",
    before: edition("message M {}"),
    after: edition("message M { option features.json_format = LEGACY_BEST_EFFORT; }"),
    rule: "MESSAGE_SAME_JSON_FORMAT",
    backward: "conditional",
    forward: "conditional",
    message: 'Message "M" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT',
  },
  {
    name: "message gains full JSON support",
    before: edition("message M { option features.json_format = LEGACY_BEST_EFFORT; }"),
    after: edition("message M {}"),
    rule: "MESSAGE_SAME_JSON_FORMAT",
  },
  {
    name: "no_standard_descriptor_accessor turned on",
    before: proto3("message M {}"),
    after: proto3("message M { option no_standard_descriptor_accessor = true; }"),
    rule: "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR",
    backward: "conditional",
    forward: "conditional",
    message: 'Message option "no_standard_descriptor_accessor" changed from "false" to "true"; this affects generated code only.',
  },
];

describe("message rules", () => {
  ruleTable(rows);

  it("reports a map entry's JSON format with its message, at the map field", async () => {
    const changes = await compare(
      edition("message M {\n  map<string, int32> counts = 1;\n}"),
      edition("message M {\n  option features.json_format = LEGACY_BEST_EFFORT;\n  map<string, int32> counts = 1;\n}"),
      ["MESSAGE_SAME_JSON_FORMAT"],
    );
    assert.deepEqual(changes.map((c) => [c.element, c.location?.line]), [["shop.v1.M", 4], ["shop.v1.M.CountsEntry", 5]]);
  });
});
