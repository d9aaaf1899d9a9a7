import { namingRule } from "../../helpers/naming.js";
import { protoOneofs } from "../../helpers/proto-walk.js";

export default namingRule({
  id: "ONEOF_LOWER_SNAKE_CASE",
  noun: "Oneof",
  style: "lower_snake_case",
  description:
    "Oneof names are lower_snake_case, as the protobuf style guide and buf's rule of the same name ask; generated " +
    "code derives its case and accessor names from them.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  oneof PriceKind {\n    int64 cents = 1;\n  }\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  oneof price_kind {\n    int64 cents = 1;\n  }\n}\n`,
  elements: (contract) => protoOneofs(contract).map((desc) => ({ desc, name: desc.name, element: `${desc.parent.typeName}.${desc.name}` })),
});
