import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";
import { protoExtensions } from "../../helpers/proto-walk.js";

export default namingRule({
  id: "FIELD_LOWER_SNAKE_CASE",
  noun: "Field",
  style: "lower_snake_case",
  description:
    "Field names are lower_snake_case, as the protobuf style guide and buf's rule of the same name ask. The JSON " +
    "mapping turns them into lowerCamelCase; a field already in camelCase gets a JSON name that generators and " +
    "hand-written clients may disagree about.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  string itemId = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  string item_id = 1;\n}\n`,
  elements: (contract) => [
    ...protoElements(contract).messages.flatMap((m) => m.fields.map((desc) => ({ desc, name: desc.name, element: `${m.typeName}.${desc.name}` }))),
    ...protoExtensions(contract).map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
  ],
});
