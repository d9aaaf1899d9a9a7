import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_ENUM",
  noun: "Enum",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nenum Size {\n  SIZE_UNSPECIFIED = 0;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// How big an item is.\nenum Size {\n  SIZE_UNSPECIFIED = 0;\n}\n`,
  elements: (contract) => protoElements(contract).enums,
});
