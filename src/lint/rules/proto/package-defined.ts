import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "PACKAGE_DEFINED",
  check({ contract, report }) {
    for (const file of contract.files) {
      if (file.proto.package) continue;
      report({ message: `Files must have a package defined.`, element: pathOf(contract, file), place: wholeFile(contract, file) });
    }
  },
});
