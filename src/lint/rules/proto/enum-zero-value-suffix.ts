import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "ENUM_ZERO_VALUE_SUFFIX",
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      // buf.yaml's `enum_zero_value_suffix` may choose another suffix.
      const suffix = bufLintFor(contract.bufLint, contract.image.fileLocation(e).file)?.enumZeroValueSuffix ?? "_UNSPECIFIED";
      for (const value of e.values) {
        if (value.number !== 0 || value.name.endsWith(suffix)) continue;
        report({
          message: `Enum zero value "${value.name}" should be suffixed with "${suffix}".`,
          element: `${e.typeName}.${value.name}`,
          place: { desc: value, subPath: NAME },
        });
      }
    }
  },
});
