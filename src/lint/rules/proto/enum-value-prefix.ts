import { defineRule } from "../../rule.js";
import { CASES } from "../../helpers/naming.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "ENUM_VALUE_PREFIX",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Enum values start with their enum's name in UPPER_SNAKE_CASE (`ItemStatus` → `ITEM_STATUS_`), as buf's rule of " +
    "the same name requires: values share their scope with the enum's siblings, so two enums with an `ACTIVE` value " +
    "could not live in one package.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nenum ItemStatus {\n  ITEM_STATUS_UNSPECIFIED = 0;\n  ACTIVE = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nenum ItemStatus {\n  ITEM_STATUS_UNSPECIFIED = 0;\n  ITEM_STATUS_ACTIVE = 1;\n}\n`,
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
