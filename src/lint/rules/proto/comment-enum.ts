import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_ENUM",
  noun: "Enum",
  elements: (contract) => protoElements(contract).enums,
});
