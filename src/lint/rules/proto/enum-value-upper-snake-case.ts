import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "ENUM_VALUE_UPPER_SNAKE_CASE",
  noun: "Enum value",
  style: "UPPER_SNAKE_CASE",
  description:
    "Enum values are UPPER_SNAKE_CASE, as the protobuf style guide and buf's rule of the same name ask. Values " +
    "share the scope of their enum's parent, so the style guide also prefixes them with the enum's name.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nenum ItemStatus {\n  itemStatusUnspecified = 0;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nenum ItemStatus {\n  ITEM_STATUS_UNSPECIFIED = 0;\n}\n`,
  elements: (contract) =>
    protoElements(contract).enums.flatMap((e) => e.values.map((desc) => ({ desc, name: desc.name, element: `${e.typeName}.${desc.name}` }))),
});
