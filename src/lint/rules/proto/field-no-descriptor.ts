import { defineRule } from "../../rule.js";
import { NAME } from "../../helpers/proto.js";
import { protoExtensions, protoFields } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "FIELD_NO_DESCRIPTOR",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "No field is named `descriptor` (in any case, with any leading or trailing underscores): generated code for " +
    "some languages already has a member of that name. buf's v1beta1 rule of the same name; later buf.yaml " +
    "versions dropped it, so only a v1beta1 buf.yaml selects it.",
  exampleFiles: { "buf.yaml": "version: v1beta1\nlint:\n  use: [FIELD_NO_DESCRIPTOR]\n" },
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  string descriptor = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  string description = 1;\n}\n`,
  check({ contract, report }) {
    for (const field of [...protoFields(contract), ...protoExtensions(contract)]) {
      if (field.name.replace(/^_+|_+$/g, "").toLowerCase() !== "descriptor") continue;
      const element = field.kind === "extension" ? field.typeName : `${field.parent.typeName}.${field.name}`;
      report({ message: `Field name "${field.name}" cannot be any capitalization of "descriptor" with any number of prefix or suffix underscores.`, element, place: { desc: field, subPath: NAME } });
    }
  },
});
