import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoMethods } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_RPC",
  noun: "RPC",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\n// Empty.\nmessage Empty {}\n// The catalog.\nservice CatalogService {\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// Empty.\nmessage Empty {}\n// The catalog.\nservice CatalogService {\n  // Reads an item.\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  elements: (contract) => protoMethods(contract),
});
