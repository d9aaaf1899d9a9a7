import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_SERVICE",
  noun: "Service",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\n// Empty.\nmessage Empty {}\nservice CatalogService {\n  // Reads an item.\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// Empty.\nmessage Empty {}\n// The catalog.\nservice CatalogService {\n  // Reads an item.\n  rpc GetItem(Empty) returns (Empty);\n}\n`,
  elements: (contract) => protoElements(contract).services,
});
