import { defineRule } from "../../rule.js";
import { CASES } from "../../helpers/naming.js";

export default defineRule({
  id: "PACKAGE_LOWER_SNAKE_CASE",
  check({ contract, report }) {
    const { test, convert } = CASES.lower_snake_case;
    for (const file of contract.files) {
      const pkg = file.proto.package;
      const parts = pkg ? pkg.split(".") : [];
      if (parts.every((part) => test.test(part))) continue;
      report({
        message: `Package name "${pkg}" should be lower_snake.case, such as "${parts.map(convert).join(".")}".`,
        element: pkg,
        place: { desc: file },
      });
    }
  },
});
