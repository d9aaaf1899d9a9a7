import { defineRule } from "../../rule.js";
import { protoElements } from "../../helpers/proto.js";

/** EnumDescriptorProto.options, EnumOptions.allow_alias: where buf points. */
const ALLOW_ALIAS = [3, 2];

export default defineRule({
  id: "ENUM_NO_ALLOW_ALIAS",
  check({ contract, report }) {
    for (const e of protoElements(contract).enums) {
      if (!e.proto.options?.allowAlias) continue;
      report({ message: `Enum option "allow_alias" on enum "${e.name}" must be false.`, element: e.typeName, place: { desc: e, subPath: ALLOW_ALIAS } });
    }
  },
});
