import { namingRule } from "../../helpers/naming.js";
import { protoElements } from "../../helpers/proto.js";

export default namingRule({
  id: "MESSAGE_PASCAL_CASE",
  noun: "Message",
  style: "PascalCase",
  description:
    "Message names are PascalCase, as the protobuf style guide and buf's rule of the same name ask: every code " +
    "generator maps them to class or type names.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage item_price {\n  int64 amount_minor = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage ItemPrice {\n  int64 amount_minor = 1;\n}\n`,
  elements: (contract) => protoElements(contract).messages.map((desc) => ({ desc, name: desc.name, element: desc.typeName })),
});
