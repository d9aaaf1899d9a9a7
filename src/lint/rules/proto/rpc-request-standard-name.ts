import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { METHOD_INPUT, pathOf, protoMethods } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "RPC_REQUEST_STANDARD_NAME",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "An RPC's request message is named after it: `<Rpc>Request` or `<Service><Rpc>Request`, as buf's rule of the same " +
    "name requires, so every RPC owns its request and can evolve it alone. `google.protobuf.Empty` passes when " +
    "buf.yaml sets `rpc_allow_google_protobuf_empty_requests`.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {}\nmessage GetItemRequest {}\nmessage GetItemResponse {}\nservice CatalogService {\n  rpc GetItem(Item) returns (GetItemResponse);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage GetItemRequest {}\nmessage GetItemResponse {}\nservice CatalogService {\n  rpc GetItem(GetItemRequest) returns (GetItemResponse);\n}\n`,
  check({ contract, report }) {
    for (const method of protoMethods(contract)) {
      const type = method.input;
      const service = method.parent.name;
      if (type.name === `${method.name}Request` || type.name === `${service}${method.name}Request`) continue;
      if (type.typeName === "google.protobuf.Empty" && bufLintFor(contract.bufLint, pathOf(contract, method.parent.file))?.rpcAllowGoogleProtobufEmptyRequests) continue;
      report({
        message: `RPC request type "${type.name}" should be named "${method.name}Request" or "${service}${method.name}Request".`,
        element: `${method.parent.typeName}.${method.name}`,
        place: { desc: method, subPath: METHOD_INPUT },
      });
    }
  },
});
