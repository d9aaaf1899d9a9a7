import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "ENUM_PASCAL_CASE",
  noun: "Enum",
  style: "PascalCase",
  description:
    "Enum names are PascalCase, as the protobuf style guide and buf's rule of the same name ask: every code " +
    "generator maps them to type names, and a name in another case reads wrong in every language.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nenum item_status {\n  ITEM_STATUS_UNSPECIFIED = 0;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nenum ItemStatus {\n  ITEM_STATUS_UNSPECIFIED = 0;\n}\n`,
  elements: (contract) => protoElements(contract).enums.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
