import { defineRule } from "../../rule.js";
import { protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_NO_SERVER_STREAMING",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "RPCs do not stream from the server, as buf's rule of the same name (UNARY_RPC category, which buf.yaml must select) " +
    "requires: server streams do not pass through every proxy and browser.",
  exampleFiles: { "buf.yaml": "version: v2\nlint:\n  use: [UNARY_RPC]\n" },
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc Watch(Empty) returns (stream Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc Watch(Empty) returns (Empty);\n}\n`,
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      if (method.methodKind !== "bidi_streaming" && method.methodKind !== "server_streaming") continue;
      report({ message: `RPC "${method.name}" is server streaming.`, element: `${method.parent.typeName}.${method.name}`, place: { desc: method } });
    }
  },
});
