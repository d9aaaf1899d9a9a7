import { defineRule } from "../../rule.js";
import { protoElements } from "../../helpers/proto.js";

/** EnumDescriptorProto.options, EnumOptions.allow_alias: where buf points. */
const ALLOW_ALIAS = [3, 2];

export default defineRule({
  id: "ENUM_NO_ALLOW_ALIAS",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Enums do not set `allow_alias`, as buf's rule of the same name requires: two names for one number make JSON " +
    "(which writes names) ambiguous, and renaming a value through an alias is a break in disguise.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nenum Size {\n  option allow_alias = true;\n  SIZE_UNSPECIFIED = 0;\n  SIZE_SMALL = 1;\n  SIZE_S = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nenum Size {\n  SIZE_UNSPECIFIED = 0;\n  SIZE_SMALL = 1;\n}\n`,
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      if (!e.proto.options?.allowAlias) continue;
      report({ message: `Enum option "allow_alias" on enum "${e.name}" must be false.`, element: e.typeName, place: { desc: e, subPath: ALLOW_ALIAS } });
    }
  },
});
