import { defineRule } from "../../rule.js";
import { CASES } from "../../helpers/naming.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "FILE_LOWER_SNAKE_CASE",
  check({ contract, report }) {
    for (const file of contract.files) {
      const path = pathOf(contract, file);
      const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.proto$/, "");
      if (CASES.lower_snake_case.convert(name) === name && !name.endsWith("_")) continue;
      report({ message: `Filename "${path.slice(path.lastIndexOf("/") + 1)}" should be lower_snake_case.proto, such as "${CASES.lower_snake_case.convert(name)}.proto".`, element: path, place: wholeFile(contract, file) });
    }
  },
});
