import { defineRule } from "../../rule.js";
import { CASES } from "../../helpers/naming.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "ENUM_VALUE_PREFIX",
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      const prefix = `${CASES.UPPER_SNAKE_CASE.convert(e.name)}_`;
      for (const value of e.values) {
        if (value.name.startsWith(prefix)) continue;
        report({ message: `Enum value name "${value.name}" should be prefix with "${prefix}".`, element: `${e.typeName}.${value.name}`, place: { desc: value, subPath: NAME } });
      }
    }
  },
});
