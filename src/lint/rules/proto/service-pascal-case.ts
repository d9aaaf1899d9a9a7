import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "SERVICE_PASCAL_CASE",
  noun: "Service",
  style: "PascalCase",
  description:
    "Service names are PascalCase, as the protobuf style guide and buf's rule of the same name ask; they are part " +
    "of the wire path of every RPC, so they cannot be fixed later without a break.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice catalog_service {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Empty {}\nservice CatalogService {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  elements: (contract) => protoElements(contract).services.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
