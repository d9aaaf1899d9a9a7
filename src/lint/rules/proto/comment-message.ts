import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_MESSAGE",
  noun: "Message",
  elements: (contract) => protoElements(contract).messages,
});
