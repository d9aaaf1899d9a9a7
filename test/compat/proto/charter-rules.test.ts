import { describe } from "node:test";
import { ruleTable, type RuleRow } from "../../helpers/proto.js";

/** charter's own rules, each with both verdicts, in a data message and where roles flip them. */
const proto3 = (body: string) => ({ "t.proto": `syntax = "proto3";\npackage t.v1;\n${body}\n` });
const proto2 = (body: string) => ({ "t.proto": `syntax = "proto2";\npackage t.v1;\n${body}\n` });

const rows: RuleRow[] = [
  {
    name: "optional field added to a data message",
    rule: "field-added",
    before: proto3("message M { string a = 1; }"),
    after: proto3("message M { string a = 1; string b = 2; }"),
    backward: "compatible", forward: "compatible",
    message: "Field \"2\" with name \"b\" on message \"M\" was added.",
  },
  {
    name: "required field added (proto2) breaks reading old data",
    rule: "field-added",
    before: proto2("message M { optional string a = 1; }"),
    after: proto2("message M { optional string a = 1; required string b = 2; }"),
    backward: "breaking", forward: "compatible",
    message: "was added as required",
  },
  {
    name: "field renumbered",
    rule: "field-number-changed",
    before: proto3("message M { string a = 1; }"),
    after: proto3("message M { string a = 2; }"),
    backward: "breaking", forward: "breaking",
    message: "changed number from 1 to 2",
  },
  {
    name: "message added",
    rule: "message-added",
    before: proto3("message M { string a = 1; }"),
    after: proto3("message M { string a = 1; }\nmessage N { string a = 1; }"),
    backward: "compatible", forward: "compatible",
    message: "Message \"t.v1.N\" was added",
  },
  {
    name: "enum value added with an UNSPECIFIED fallback (data)",
    rule: "enum-value-added",
    before: proto3("enum E { E_UNSPECIFIED = 0; E_A = 1; }\nmessage M { E e = 1; }"),
    after: proto3("enum E { E_UNSPECIFIED = 0; E_A = 1; E_B = 2; }\nmessage M { E e = 1; }"),
    backward: "compatible", forward: "conditional",
    message: "old readers see an unknown value",
  },
  {
    name: "enum value added without a zero UNSPECIFIED value (data)",
    rule: "enum-value-added",
    before: proto3("enum E { E_A = 0; }\nmessage M { E e = 1; }"),
    after: proto3("enum E { E_A = 0; E_B = 1; }\nmessage M { E e = 1; }"),
    backward: "compatible", forward: "breaking",
    message: "no zero *_UNSPECIFIED value",
  },
  {
    name: "enum value added to an enum in an RPC response: old clients read it",
    rule: "enum-value-added",
    before: proto3("enum E { E_UNSPECIFIED = 0; }\nmessage Req {}\nmessage Res { E e = 1; }\nservice S { rpc Get(Req) returns (Res); }"),
    after: proto3("enum E { E_UNSPECIFIED = 0; E_B = 1; }\nmessage Req {}\nmessage Res { E e = 1; }\nservice S { rpc Get(Req) returns (Res); }"),
    backward: "conditional", forward: "compatible",
    message: "old readers see an unknown value",
  },
  {
    name: "RPC added",
    rule: "rpc-added",
    before: proto3("message Req {}\nmessage Res {}\nservice S { rpc Get(Req) returns (Res); }"),
    after: proto3("message Req {}\nmessage Res {}\nservice S { rpc Get(Req) returns (Res); rpc List(Req) returns (Res); }"),
    backward: "compatible", forward: "conditional",
    message: "RPC \"List\" was added to service \"S\"; old servers answer it with Unimplemented",
  },
  {
    name: "reserved field number reused",
    rule: "reserved-reused",
    before: proto3("message M { reserved 2; string a = 1; }"),
    after: proto3("message M { string a = 1; int32 b = 2; }"),
    backward: "breaking", forward: "breaking",
    message: "reuses a number or name reserved",
  },
  {
    name: "reserved enum name reused",
    rule: "reserved-reused",
    before: proto3('enum E { reserved "E_OLD"; E_UNSPECIFIED = 0; }'),
    after: proto3("enum E { E_UNSPECIFIED = 0; E_OLD = 1; }"),
    backward: "breaking", forward: "breaking",
    message: "Enum value \"E_OLD\" (1) on enum \"E\" reuses",
  },
];

describe("charter's own proto rules", () => ruleTable(rows));
