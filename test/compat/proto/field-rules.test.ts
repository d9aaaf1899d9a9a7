import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, verdicts } from "../../helpers/proto.js";

/** One file holding `body`; `header` picks the syntax or edition. */
const file = (body: string, header = 'syntax = "proto3";') => ({ "a.proto": `${header}\npackage shop.v1;\n${body}\n` });
const proto2 = (body: string) => file(body, 'syntax = "proto2";');
const editions = (body: string) => file(body, 'edition = "2023";');
/** `Res` is an RPC response: the server writes it, so backward (new server, old client) reads new data with old code. */
const api = (res: string) => file(`message Req {}\nmessage Res { ${res} }\nservice S { rpc Get(Req) returns (Res); }`);
/** `Req` is an RPC request: clients write it, as producers write data. */
const request = (req: string) => file(`message Req { ${req} }\nmessage Res {}\nservice S { rpc Get(Req) returns (Res); }`);

const rows = [
  {
    name: "field deleted: new readers skip it, old readers lose it",
    before: file("message M { string a = 1; string b = 2; }"),
    after: file("message M { string a = 1; }"),
    rule: "FIELD_NO_DELETE",
    expected: { backward: "conditional", forward: "breaking" },
    message: 'Previously present field "2" with name "b" on message "M" was deleted; old readers lose it, and its number may be reused.',
  },
  {
    name: "field deleted without reserving its number",
    before: file("message M { string a = 1; string b = 2; }"),
    after: file("message M { string a = 1; reserved \"b\"; }"),
    rule: "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
    expected: { backward: "conditional", forward: "breaking" },
    message: 'was deleted without reserving the number "2"; old readers lose it, and its number may be reused.',
  },
  {
    name: "field deleted with its number reserved, not its name",
    before: file("message M { string a = 1; string b = 2; }"),
    after: file("message M { string a = 1; reserved 2; }"),
    rule: "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
    expected: { backward: "conditional", forward: "breaking" },
    message: 'was deleted without reserving the name "b"; old readers lose it.',
  },
  {
    name: "field renamed: same wire, other JSON key",
    before: file("message M { string a = 1; }"),
    after: file("message M { string b = 1; }"),
    rule: "FIELD_SAME_NAME",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'Field "1" on message "M" changed name from "a" to "b"; wire compatible, but breaks JSON clients.',
  },
  {
    name: "json_name changed",
    before: file("message M { string a = 1; }"),
    after: file('message M { string a = 1 [json_name = "x"]; }'),
    rule: "FIELD_SAME_JSON_NAME",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'Field "1" with name "a" on message "M" changed option "json_name" from "a" to "x"; wire compatible, but breaks JSON clients.',
  },
  {
    name: "int32 widened to int64 in data: new readers read old data, old readers truncate",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { int64 a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "compatible", forward: "breaking" },
    message: 'Field "1" with name "a" on message "M" changed type from "int32" to "int64"; old readers truncate.',
  },
  {
    name: "int32 widened to int64 in a request: as data (clients write)",
    before: request("int32 a = 1;"),
    after: request("int64 a = 1;"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "compatible", forward: "breaking" },
    message: 'changed type from "int32" to "int64"',
  },
  {
    name: "int32 widened to int64 in a response: old clients truncate what the new server writes",
    before: api("int32 a = 1;"),
    after: api("int64 a = 1;"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "breaking", forward: "compatible" },
    message: 'changed type from "int32" to "int64"',
  },
  {
    name: "int64 narrowed to int32: new readers truncate old data",
    before: file("message M { int64 a = 1; }"),
    after: file("message M { int32 a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "breaking", forward: "compatible" },
    message: "new readers truncate",
  },
  {
    name: "int32 to uint32: same varint, values reinterpreted",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { uint32 a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: "wire compatible; values may be reinterpreted",
  },
  {
    name: "string to bytes",
    before: file("message M { string a = 1; }"),
    after: file("message M { bytes a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: "compatible only if bytes hold valid UTF-8",
  },
  {
    name: "enum to int32",
    before: file("enum E { E_UNSPECIFIED = 0; }\nmessage M { E a = 1; }"),
    after: file("enum E { E_UNSPECIFIED = 0; }\nmessage M { int32 a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed type from "enum" to "int32"; wire compatible, but JSON differs.',
  },
  {
    name: "float to double is not wire compatible",
    before: file("message M { float a = 1; }"),
    after: file("message M { double a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'changed type from "float" to "double"',
  },
  {
    name: "message type swapped",
    before: file("message A { string x = 1; }\nmessage B { int64 x = 1; }\nmessage M { A a = 1; }"),
    after: file("message A { string x = 1; }\nmessage B { int64 x = 1; }\nmessage M { B a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'changed type from "shop.v1.A" to "shop.v1.B"; a different message type.',
  },
  {
    name: "message renamed with the same fields: same wire and JSON, generated code breaks",
    before: file("message A { string x = 1; repeated A kids = 2; }\nmessage M { A a = 1; }"),
    after: file("message B { string x = 1; repeated B kids = 2; }\nmessage M { B a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed type from "shop.v1.A" to "shop.v1.B"; the types have the same fields, so only generated code that names them breaks.',
  },
  {
    name: "message renamed with a field renamed: same wire, JSON differs",
    before: file("message A { string x = 1; }\nmessage M { A a = 1; }"),
    after: file("message B { string y = 1; }\nmessage M { B a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: "the types have the same binary encoding, but JSON differs",
  },
  {
    name: "message swapped for one with the same numbers but other kinds: breaking",
    before: file("message A { string x = 1; message N { int32 n = 1; } N n = 2; }\nmessage M { A a = 1; }"),
    after: file("message B { string x = 1; message N { sint32 n = 1; } N n = 2; }\nmessage M { B a = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "breaking", forward: "breaking" },
    message: "a different message type",
  },
  {
    name: "map<string,string> to repeated Entry{key=1;value=2}: same binary, JSON differs",
    before: file("message M { map<string, string> m = 1; }"),
    after: file("message Entry { string key = 1; string value = 2; }\nmessage M { repeated Entry m = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed type from "shop.v1.M.MEntry" to "shop.v1.Entry"; the types have the same binary encoding, but JSON differs.',
  },
  {
    name: "message renamed to a well-known type's shape: JSON differs",
    before: file('import "google/protobuf/timestamp.proto";\nmessage M { google.protobuf.Timestamp t = 1; }'),
    after: file("message T { int64 seconds = 1; int32 nanos = 2; }\nmessage M { T t = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: "same binary encoding, but JSON differs",
  },
  {
    name: "map value widened: reported on the map entry's value field",
    before: file("message M { map<string, int32> m = 1; }"),
    after: file("message M { map<string, int64> m = 1; }"),
    rule: "FIELD_SAME_TYPE",
    expected: { backward: "compatible", forward: "breaking" },
    message: 'Field "2" with name "value" on message "MEntry" changed type from "int32" to "int64"',
  },
  {
    name: "int32 to sint32 is not wire compatible",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { sint32 a = 1; }"),
    rule: "FIELD_WIRE_COMPATIBLE_TYPE",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'changed type from "int32" to "sint32". See https://developers.google.com/protocol-buffers/docs/proto3#updating for wire compatibility rules; the encodings differ.',
  },
  {
    name: "int32 to int64 is not JSON compatible for buf, but old data still reads",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { int64 a = 1; }"),
    rule: "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
    expected: { backward: "compatible", forward: "breaking" },
    message: "for JSON compatibility rules; old readers truncate.",
  },
  {
    name: "implicit to explicit presence (proto3 optional)",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { optional int32 a = 1; }"),
    rule: "FIELD_SAME_CARDINALITY",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed cardinality from "optional with implicit presence" to "optional with explicit presence"',
  },
  {
    name: "optional became required: old data may lack it",
    before: proto2("message M { optional int32 a = 1; }"),
    after: proto2("message M { required int32 a = 1; }"),
    rule: "FIELD_SAME_CARDINALITY",
    expected: { backward: "breaking", forward: "compatible" },
    message: 'to "required"; old data may lack the field.',
  },
  {
    name: "required became optional in a response: old clients require it",
    before: file("message Req {}\nmessage Res { required int32 a = 1; }\nservice S { rpc Get(Req) returns (Res); }", 'syntax = "proto2";'),
    after: file("message Req {}\nmessage Res { optional int32 a = 1; }\nservice S { rpc Get(Req) returns (Res); }", 'syntax = "proto2";'),
    rule: "FIELD_SAME_CARDINALITY",
    expected: { backward: "breaking", forward: "compatible" },
    message: 'changed cardinality from "required" to "optional with explicit presence"',
  },
  {
    name: "singular to repeated",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { repeated int32 a = 1; }"),
    rule: "FIELD_WIRE_COMPATIBLE_CARDINALITY",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'changed cardinality from "optional with implicit presence" to "repeated"',
  },
  {
    name: "map to repeated entries: same binary, other JSON",
    before: file("message M { map<string, int32> m = 1; }"),
    after: file("message M { message MEntry { string key = 1; int32 value = 2; }\nrepeated MEntry m = 1; }"),
    rule: "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed cardinality from "map" to "repeated"; same binary encoding, but JSON differs.',
  },
  {
    name: "field moved into a oneof",
    before: file("message M { int32 a = 1; }"),
    after: file("message M { oneof o { int32 a = 1; } }"),
    rule: "FIELD_SAME_ONEOF",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'Field "1" with name "a" on message "M" moved from outside to inside a oneof',
  },
  {
    name: "default changed",
    before: proto2("message M { optional int32 a = 1 [default = 5]; }"),
    after: proto2("message M { optional int32 a = 1 [default = 6]; }"),
    rule: "FIELD_SAME_DEFAULT",
    expected: { backward: "breaking", forward: "breaking" },
    message: 'Field "1" with name "a" on message "M" changed default value from 5 to 6',
  },
  {
    name: "jstype changed",
    before: file("message M { int64 a = 1; }"),
    after: file("message M { int64 a = 1 [jstype = JS_STRING]; }"),
    rule: "FIELD_SAME_JSTYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed option "jstype" from "JS_NORMAL" to "JS_STRING"; affects generated code only.',
  },
  {
    name: "C++ string type changed",
    before: file("message M { string a = 1; }"),
    after: file("message M { string a = 1 [ctype = CORD]; }"),
    rule: "FIELD_SAME_CPP_STRING_TYPE",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed C++ string type from "STRING" to "CORD"; affects generated code only.',
  },
  {
    name: "Java UTF-8 check turned on",
    before: proto2("message M { optional string a = 1; }"),
    after: proto2("option java_string_check_utf8 = true;\nmessage M { optional string a = 1; }"),
    rule: "FIELD_SAME_JAVA_UTF8_VALIDATION",
    expected: { backward: "conditional", forward: "conditional" },
    message: 'changed Java string UTF8 validation from "NONE" to "VERIFY"; affects generated code only.',
  },
  {
    name: "UTF-8 validation dropped in data: old readers reject what new writers may send",
    before: editions("message M { string a = 1; }"),
    after: editions("message M { string a = 1 [features.utf8_validation = NONE]; }"),
    rule: "FIELD_SAME_UTF8_VALIDATION",
    expected: { backward: "compatible", forward: "breaking" },
    message: 'Field "1" with name "a" on message "M" changed UTF8 validation from VERIFY to NONE',
  },
  {
    name: "UTF-8 validation added in data: new readers reject old data",
    before: editions("message M { string a = 1 [features.utf8_validation = NONE]; }"),
    after: editions("message M { string a = 1; }"),
    rule: "FIELD_SAME_UTF8_VALIDATION",
    expected: { backward: "breaking", forward: "compatible" },
    message: "changed UTF8 validation from NONE to VERIFY",
  },
];

describe("proto field rules", () => {
  for (const row of rows) {
    it(`${row.rule}: ${row.name}`, async () => {
      const changes = await compare(row.before, row.after, [row.rule]);
      assert.deepEqual(verdicts(changes, row.rule), [row.expected]);
      const { message } = changes.find((c) => c.rule === row.rule)!;
      assert.ok(message.includes(row.message), `message: ${message}`);
    });
  }
});
