import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_ENUM_VALUE",
  noun: "Enum value",
  elements: (contract) => protoElements(contract).enums.flatMap((e) => e.values),
});
