import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { METHOD_OUTPUT, pathOf, protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_RESPONSE_STANDARD_NAME",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "An RPC's response message is named after it: `<Rpc>Response` or `<Service><Rpc>Response`, as buf's rule of the same " +
    "name requires, so every RPC owns its response and can evolve it alone. `google.protobuf.Empty` passes when " +
    "buf.yaml sets `rpc_allow_google_protobuf_empty_responses`.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {}\nmessage GetItemRequest {}\nmessage GetItemResponse {}\nservice CatalogService {\n  rpc GetItem(GetItemRequest) returns (Item);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage GetItemRequest {}\nmessage GetItemResponse {}\nservice CatalogService {\n  rpc GetItem(GetItemRequest) returns (GetItemResponse);\n}\n`,
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      const type = method.output;
      const service = method.parent.name;
      if (type.name === `${method.name}Response` || type.name === `${service}${method.name}Response`) continue;
      if (type.typeName === "google.protobuf.Empty" && bufLintFor(contract.bufLint, pathOf(contract, method.parent.file))?.rpcAllowGoogleProtobufEmptyResponses) continue;
      report({
        message: `RPC response type "${type.name}" should be named "${method.name}Response" or "${service}${method.name}Response".`,
        element: `${method.parent.typeName}.${method.name}`,
        place: { desc: method, subPath: METHOD_OUTPUT },
      });
    }
  },
});
