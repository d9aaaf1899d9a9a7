import { defineRule } from "../../rule.js";
import { protoElements } from "../../helpers/proto.js";

/** EnumValueDescriptorProto's `number`. */
const NUMBER = [2];

export default defineRule({
  id: "ENUM_FIRST_VALUE_ZERO",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "The first value of an enum must be zero (buf's rule of the same name). proto3 already requires it of open " +
    "enums; in proto2 and editions a closed enum's default is its first value, so a first value other than zero " +
    "makes the default of every field of that type a real value that nobody chose.",
  bad: `syntax = "proto2";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_ACTIVE = 1;
  ITEM_STATUS_UNSPECIFIED = 0;
}
`,
  good: `syntax = "proto2";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ITEM_STATUS_ACTIVE = 1;
}
`,
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
