import { defineRule } from "../../rule.js";
import { bufLintFor, modulePath } from "../../helpers/proto-buf-config.js";
import { pathOf } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "PACKAGE_DIRECTORY_MATCH",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "A file of package `shop.catalog.v1` lives in `shop/catalog/v1/` under its module's root, as buf's rule of the " +
    "same name requires: the import path then tells the package, and generated code lands where it is looked for.",
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {}\n`,
  good: `syntax = "proto3";\nmessage Item {}\n`,
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
