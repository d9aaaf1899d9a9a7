import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type RuleRow, compare, ruleTable } from "../../helpers/proto.js";

const file = (body: string) => ({ "a.proto": `syntax = "proto3";\npackage shop.v1;\nmessage Req {}\nmessage Res {}\n${body}\n` });

const rows: RuleRow[] = [
  {
    name: "RPC deleted: old clients calling it fail (backward breaking, forward compatible)",
    before: file("service S { rpc Get(Req) returns (Res); rpc List(Req) returns (Res); }"),
    after: file("service S { rpc Get(Req) returns (Res); }"),
    rule: "RPC_NO_DELETE",
    backward: "breaking",
    forward: "compatible",
    message: 'Previously present RPC "List" on service "S" was deleted; old clients',
  },
  {
    name: "RPC added: nothing to report",
    before: file("service S { rpc Get(Req) returns (Res); }"),
    after: file("service S { rpc Get(Req) returns (Res); rpc List(Req) returns (Res); }"),
    rule: "RPC_NO_DELETE",
  },
  {
    name: "request type changed",
    before: file("service S { rpc Get(Req) returns (Res); }"),
    after: file("service S { rpc Get(Res) returns (Res); }"),
    rule: "RPC_SAME_REQUEST_TYPE",
    backward: "breaking",
    forward: "breaking",
    message: 'RPC "Get" on service "S" changed request type from "shop.v1.Req" to "shop.v1.Res"',
  },
  {
    name: "response type changed",
    before: file("service S { rpc Get(Req) returns (Res); }"),
    after: file("service S { rpc Get(Req) returns (Req); }"),
    rule: "RPC_SAME_RESPONSE_TYPE",
    backward: "breaking",
    forward: "breaking",
    message: 'changed response type from "shop.v1.Res" to "shop.v1.Req"',
  },
  {
    name: "client starts streaming",
    before: file("service S { rpc Get(Req) returns (Res); }"),
    after: file("service S { rpc Get(stream Req) returns (Res); }"),
    rule: "RPC_SAME_CLIENT_STREAMING",
    backward: "breaking",
    forward: "breaking",
    message: 'RPC "Get" on service "S" changed from client unary to client streaming',
  },
  {
    name: "server stops streaming (bidi to client streaming)",
    before: file("service S { rpc Get(stream Req) returns (stream Res); }"),
    after: file("service S { rpc Get(stream Req) returns (Res); }"),
    rule: "RPC_SAME_SERVER_STREAMING",
    backward: "breaking",
    forward: "breaking",
    message: "changed from server streaming to server unary",
  },
  {
    name: "idempotency level removed",
    before: file("service S { rpc Get(Req) returns (Res) { option idempotency_level = NO_SIDE_EFFECTS; } }"),
    after: file("service S { rpc Get(Req) returns (Res); }"),
    rule: "RPC_SAME_IDEMPOTENCY_LEVEL",
    backward: "conditional",
    forward: "conditional",
    message: 'changed option "idempotency_level" from "NO_SIDE_EFFECTS" to "IDEMPOTENCY_UNKNOWN"',
  },
];

describe("service rules", () => {
  ruleTable(rows);

  it("points at the option, or at the file when the option is gone", async () => {
    const withOption = file("service S {\n  rpc Get(Req) returns (Res) {\n    option idempotency_level = IDEMPOTENT;\n  }\n}");
    const [added] = await compare(file("service S {\n  rpc Get(Req) returns (Res);\n}"), withOption, ["RPC_SAME_IDEMPOTENCY_LEVEL"]);
    assert.deepEqual(added.location, { file: "a.proto", line: 7, column: 5 });
    const [removed] = await compare(withOption, file("service S {\n  rpc Get(Req) returns (Res);\n}"), ["RPC_SAME_IDEMPOTENCY_LEVEL"]);
    assert.deepEqual(removed.location, { file: "a.proto", line: 1, column: 1 });
  });
});
