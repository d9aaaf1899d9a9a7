import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare } from "../helpers/proto.js";

/**
 * The compatibility model (ARCHITECTURE.md): the same change gets its directions from who writes the message. int32 → int64:
 * old data read by new code is fine, new data read by old code truncates.
 */
const service = "service S { rpc Call(Req) returns (Res); }";
const cases = [
  { name: "data message (no RPC reaches it)", schema: (t: string) => `message Data { ${t} n = 1; }`, message: "Data", backward: "compatible", forward: "breaking" },
  { name: "request: old clients write, new server reads", schema: (t: string) => `message Req { ${t} n = 1; }\nmessage Res {}\n${service}`, message: "Req", backward: "compatible", forward: "breaking" },
  { name: "response: new server writes, old clients read", schema: (t: string) => `message Req {}\nmessage Res { ${t} n = 1; }\n${service}`, message: "Res", backward: "breaking", forward: "compatible" },
  { name: "nested in a response, reached through a field", schema: (t: string) => `message Inner { ${t} n = 1; }\nmessage Req {}\nmessage Res { Inner inner = 1; }\n${service}`, message: "Inner", backward: "breaking", forward: "compatible" },
  { name: "both request and response: the worse of both", schema: (t: string) => `message Both { ${t} n = 1; }\nservice S { rpc Call(Both) returns (Both); }`, message: "Both", backward: "breaking", forward: "breaking" },
];

describe("verdict directions follow the message's role", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const head = 'syntax = "proto3";\npackage r.v1;\n';
      const changes = await compare({ "r.proto": head + c.schema("int32") }, { "r.proto": head + c.schema("int64") }, ["FIELD_SAME_TYPE"]);
      assert.equal(changes.length, 1);
      assert.match(changes[0].message, new RegExp(`on message "${c.message}"`));
      assert.deepEqual({ backward: changes[0].backward, forward: changes[0].forward }, { backward: c.backward, forward: c.forward });
    });
  }
});
