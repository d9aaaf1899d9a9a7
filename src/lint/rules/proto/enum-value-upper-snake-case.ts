import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "ENUM_VALUE_UPPER_SNAKE_CASE",
  noun: "Enum value",
  style: "UPPER_SNAKE_CASE",
  elements: (contract) =>
    protoElements(contract).enums.flatMap((e) => e.values.map((desc) => ({ desc, name: desc.name, element: `${e.typeName}.${desc.name}` }))),
});
