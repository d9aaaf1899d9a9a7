import { defineRule } from "../../rule.js";
import { NAME, protoElements } from "../../helpers/proto.js";

const SUFFIX = "_UNSPECIFIED";

export default defineRule({
  id: "ENUM_ZERO_VALUE_SUFFIX",
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      for (const value of e.values) {
        if (value.number !== 0 || value.name.endsWith(SUFFIX)) continue;
        report({
          message: `Enum zero value "${value.name}" should be suffixed with "${SUFFIX}".`,
          element: `${e.typeName}.${value.name}`,
          place: { desc: value, subPath: NAME },
        });
      }
    }
  },
});
