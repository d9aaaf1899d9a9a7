import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";
import { protoExtensions } from "../../helpers/proto-walk.js";

export default namingRule({
  id: "FIELD_LOWER_SNAKE_CASE",
  noun: "Field",
  style: "lower_snake_case",
  elements: (contract) => [
    ...protoElements(contract).messages.flatMap((m) => m.fields.map((desc) => ({ desc, name: desc.name, element: `${m.typeName}.${desc.name}` }))),
    ...protoExtensions(contract).map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
  ],
});
