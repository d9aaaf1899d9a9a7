import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "SERVICE_PASCAL_CASE",
  noun: "Service",
  style: "PascalCase",
  elements: (contract) => protoElements(contract).services.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
