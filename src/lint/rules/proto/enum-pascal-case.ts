import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "ENUM_PASCAL_CASE",
  noun: "Enum",
  style: "PascalCase",
  elements: (contract) => protoElements(contract).enums.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
