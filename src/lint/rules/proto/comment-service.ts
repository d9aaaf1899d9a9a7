import { commentRule } from "../../helpers/proto-comment-rule.js";
import { protoElements } from "../../helpers/proto.js";

export default commentRule({
  id: "COMMENT_SERVICE",
  noun: "Service",
  elements: (contract) => protoElements(contract).services,
});
