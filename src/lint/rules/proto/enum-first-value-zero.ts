import { defineRule } from "../../rule.js";
import { protoElements } from "../../helpers/proto.js";

/** EnumValueDescriptorProto's `number`. */
const NUMBER = [2];

export default defineRule({
  id: "ENUM_FIRST_VALUE_ZERO",
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      const first = e.values[0];
      if (!first || first.number === 0) continue;
      report({
        message: `First enum value "${first.name}" should have a numeric value of 0.`,
        element: `${e.typeName}.${first.name}`,
        place: { desc: first, subPath: NUMBER },
      });
    }
  },
});
