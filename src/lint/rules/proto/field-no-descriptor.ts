import { defineRule } from "../../rule.js";
import { NAME } from "../../helpers/proto.js";
import { protoExtensions, protoFields } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "FIELD_NO_DESCRIPTOR",
  check({ contract, report }) {
    for (const field of [...protoFields(contract), ...protoExtensions(contract)]) {
      if (field.name.replace(/^_+|_+$/g, "").toLowerCase() !== "descriptor") continue;
      const element = field.kind === "extension" ? field.typeName : `${field.parent.typeName}.${field.name}`;
      report({ message: `Field name "${field.name}" cannot be any capitalization of "descriptor" with any number of prefix or suffix underscores.`, element, place: { desc: field, subPath: NAME } });
    }
  },
});
