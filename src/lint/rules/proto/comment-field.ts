import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoFields } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_FIELD",
  noun: "Field",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\n// An item.\nmessage Item {\n  string id = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// An item.\nmessage Item {\n  // The item's id.\n  string id = 1;\n}\n`,
  elements: (contract) => protoFields(contract),
});
