import { defineRule } from "../../rule.js";
import { bufLintFor, modulePath } from "../../helpers/proto-buf-config.js";
import { pathOf } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "PACKAGE_DIRECTORY_MATCH",
  check({ contract, report }) {
    for (const file of contract.files) {
      const pkg = file.proto.package;
      if (!pkg) continue;
      const path = pathOf(contract, file);
      const config = bufLintFor(contract.bufLint, path);
      const relative = config ? modulePath(config, path) : path;
      const dir = relative.slice(0, Math.max(0, relative.lastIndexOf("/"))) || ".";
      const expected = pkg.replaceAll(".", "/");
      if (dir === expected) continue;
      report({
        message: `Files with package "${pkg}" must be within a directory "${expected}" relative to root but were in directory "${dir}".`,
        element: path,
        place: { desc: file },
      });
    }
  },
});
