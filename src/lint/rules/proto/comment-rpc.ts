import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoMethods } from "../../helpers/proto-walk.js";

export default commentRule({
  id: "COMMENT_RPC",
  noun: "RPC",
  elements: (contract) => protoMethods(contract),
});
