import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const proto3 = (body: string) => ({ "a.proto": `syntax = "proto3";\npackage shop.v1;\n${body}\n` });
const edition = (body: string) => ({ "a.proto": `edition = "2023";\npackage shop.v1;\n${body}\n` });
const status = (values: string) => proto3(`enum Status { STATUS_UNSPECIFIED = 0; ${values} }`);

const rows: RuleRow[] = [
  {
    name: "value deleted from data: old data may carry it (backward conditional, forward compatible)",
    before: status("ACTIVE = 1; PAUSED = 2;"),
    after: status("ACTIVE = 1;"),
    rule: "ENUM_VALUE_NO_DELETE",
    backward: "conditional",
    forward: "compatible",
    message: 'Previously present enum value "2" on enum "Status" was deleted; old data may still carry it',
  },
  {
    name: "value deleted from a response enum: old servers may still send it (flipped)",
    before: proto3("enum Status { STATUS_UNSPECIFIED = 0; PAUSED = 2; }\nmessage Req {}\nmessage Res { Status status = 1; }\nservice S { rpc Get(Req) returns (Res); }"),
    after: proto3("enum Status { STATUS_UNSPECIFIED = 0; }\nmessage Req {}\nmessage Res { Status status = 1; }\nservice S { rpc Get(Req) returns (Res); }"),
    rule: "ENUM_VALUE_NO_DELETE",
    backward: "compatible",
    forward: "conditional",
    message: 'enum value "2" on enum "Status" was deleted',
  },
  {
    name: "value deleted without reserving its number",
    before: status("ACTIVE = 1; PAUSED = 2;"),
    after: status('ACTIVE = 1; reserved "PAUSED";'),
    rule: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
    backward: "conditional",
    forward: "compatible",
    message: 'was deleted without reserving the number "2"',
  },
  {
    name: "value deleted with its number reserved",
    before: status("ACTIVE = 1; PAUSED = 2;"),
    after: status("ACTIVE = 1; reserved 2 to 3;"),
    rule: "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
  },
  {
    name: "aliased value deleted without reserving both names",
    before: proto3('enum Status { option allow_alias = true; STATUS_UNSPECIFIED = 0; PAUSED = 2; HALTED = 2; }'),
    after: proto3('enum Status { STATUS_UNSPECIFIED = 0; reserved "PAUSED"; }'),
    rule: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
    backward: "conditional",
    forward: "compatible",
    message: 'was deleted without reserving the names "HALTED", "PAUSED"',
  },
  {
    name: "value deleted with its name reserved",
    before: status("ACTIVE = 1; PAUSED = 2;"),
    after: status('ACTIVE = 1; reserved "PAUSED";'),
    rule: "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
  },
  {
    name: "value renamed: wire compatible, breaks JSON",
    before: status("ACTIVE = 1;"),
    after: status("ENABLED = 1;"),
    rule: "ENUM_VALUE_SAME_NAME",
    backward: "conditional",
    forward: "conditional",
    message: 'Enum value "1" on enum "Status" changed name from "ACTIVE" to "ENABLED"; wire compatible, but breaks JSON.',
  },
  {
    name: "alias added: the old name stays",
    before: status("ACTIVE = 1;"),
    after: proto3("enum Status { option allow_alias = true; STATUS_UNSPECIFIED = 0; ACTIVE = 1; ENABLED = 1; }"),
    rule: "ENUM_VALUE_SAME_NAME",
  },
  {
    name: "enum becomes closed",
    before: edition("enum Status { STATUS_UNSPECIFIED = 0; }"),
    after: edition("enum Status { option features.enum_type = CLOSED; STATUS_UNSPECIFIED = 0; }"),
    rule: "ENUM_SAME_TYPE",
    backward: "conditional",
    forward: "conditional",
    message: 'Enum "Status" changed from open to closed',
  },
  {
    name: "enum falls back to best-effort JSON",
    before: edition("enum Status { STATUS_UNSPECIFIED = 0; }"),
    after: edition("enum Status { option features.json_format = LEGACY_BEST_EFFORT; STATUS_UNSPECIFIED = 0; }"),
    rule: "ENUM_SAME_JSON_FORMAT",
    backward: "conditional",
    forward: "conditional",
    message: 'Enum "Status" JSON format support changed from ALLOW to LEGACY_BEST_EFFORT',
  },
  {
    name: "reserved enum range released",
    before: status("reserved 10 to max;"),
    after: status("reserved 10 to 19;"),
    rule: "RESERVED_ENUM_NO_DELETE",
    backward: "conditional",
    forward: "conditional",
    message: 'Previously present reserved range "[10,max]" on enum "Status" is missing values: [20,max] were removed',
  },
];

describe("enum rules", () => {
  ruleTable(rows);

  it("renamed aliases: one finding per current value, at its number", async () => {
    const changes = await compare(
      proto3("enum E {\n  option allow_alias = true;\n  E_UNSPECIFIED = 0;\n  E_1 = 1;\n  E_ALIAS = 1;\n}"),
      proto3("enum E {\n  option allow_alias = true;\n  E_UNSPECIFIED = 0;\n  E_2 = 1;\n  E_3 = 1;\n}"),
      ["ENUM_VALUE_SAME_NAME"],
    );
    assert.deepEqual(changes.map((c) => c.location?.line), [6, 7]);
    assert.ok(changes.every((c) => c.message.startsWith('Enum value "1" on enum "E" changed names from "E_1", "E_ALIAS" to "E_2", "E_3"')));
  });
});
