import { defineRule } from "../../rule.js";
import { bufLintFor } from "../../helpers/proto-buf-config.js";
import { NAME, protoElements } from "../../helpers/proto.js";

export default defineRule({
  id: "ENUM_ZERO_VALUE_SUFFIX",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "The zero value of an enum is what a reader sees when the field was never set, or was set by a writer that " +
    "knows a value the reader does not; it must say so, with the suffix `_UNSPECIFIED` (as buf's rule of the same " +
    "name requires), rather than claim a real meaning like `ACTIVE`. Give every enum a zero value named " +
    "`<ENUM_NAME>_UNSPECIFIED` and start its real values at 1.",
  bad: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_ACTIVE = 0;
  ITEM_STATUS_SOLD_OUT = 1;
}
`,
  good: `syntax = "proto3";
package shop.catalog.v1;
enum ItemStatus {
  ITEM_STATUS_UNSPECIFIED = 0;
  ITEM_STATUS_ACTIVE = 1;
  ITEM_STATUS_SOLD_OUT = 2;
}
`,
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
