import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "RPC_PASCAL_CASE",
  noun: "RPC",
  style: "PascalCase",
  description:
    "RPC names are PascalCase, as the protobuf style guide and buf's rule of the same name ask; they are part of " +
    "the wire path (`/shop.catalog.v1.CatalogService/GetItem`), so they cannot be fixed later without a break.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc get_item(Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  elements: (contract) =>
    protoElements(contract).services.flatMap((s) => s.methods.map((desc) => ({ desc, name: desc.name, element: `${s.typeName}.${desc.name}` }))),
});
