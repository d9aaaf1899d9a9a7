import { defineRule } from "../../rule.js";
import { protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_NO_CLIENT_STREAMING",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "RPCs do not stream from the client, as buf's rule of the same name (UNARY_RPC category, which buf.yaml must select) " +
    "requires: client streams do not pass through every proxy and browser.",
  exampleFiles: { "buf.yaml": "version: v2\nlint:\n  use: [UNARY_RPC]\n" },
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc Watch(stream Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc Watch(Empty) returns (Empty);\n}\n`,
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      if (method.methodKind !== "bidi_streaming" && method.methodKind !== "client_streaming") continue;
      report({ message: `RPC "${method.name}" is client streaming.`, element: `${method.parent.typeName}.${method.name}`, place: { desc: method } });
    }
  },
});
