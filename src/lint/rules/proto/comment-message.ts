import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_MESSAGE",
  noun: "Message",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\n// An item for sale.\nmessage Item {}\n`,
  elements: (contract) => protoElements(contract).messages,
});
