import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoOneofs } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_ONEOF",
  noun: "Oneof",
  elements: (contract) => protoOneofs(contract),
});
