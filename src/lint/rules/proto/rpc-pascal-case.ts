import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "RPC_PASCAL_CASE",
  noun: "RPC",
  style: "PascalCase",
  elements: (contract) =>
    protoElements(contract).services.flatMap((s) => s.methods.map((desc) => ({ desc, name: desc.name, element: `${s.typeName}.${desc.name}` }))),
});
