import { namingRule } from "../../helpers/naming.js";
import { protoOneofs } from "../../helpers/proto-walk.js";

export default namingRule({
  id: "ONEOF_LOWER_SNAKE_CASE",
  noun: "Oneof",
  style: "lower_snake_case",
  elements: (contract) => protoOneofs(contract).map((desc) => ({ desc, name: desc.name, element: `${desc.parent.typeName}.${desc.name}` })),
});
