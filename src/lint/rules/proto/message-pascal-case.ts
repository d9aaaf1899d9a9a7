import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "MESSAGE_PASCAL_CASE",
  noun: "Message",
  style: "PascalCase",
  elements: (contract) => protoElements(contract).messages.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
