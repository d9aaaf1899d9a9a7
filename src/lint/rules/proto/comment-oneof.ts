import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoOneofs } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_ONEOF",
  noun: "Oneof",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\n// An item.\nmessage Item {\n  oneof price {\n    // In cents.\n    int64 cents = 1;\n  }\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// An item.\nmessage Item {\n  // How the item is priced.\n  oneof price {\n    // In cents.\n    int64 cents = 1;\n  }\n}\n`,
  elements: (contract) => protoOneofs(contract),
});
