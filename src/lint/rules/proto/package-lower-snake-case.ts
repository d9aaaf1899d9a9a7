import { defineRule } from "../../rule.js";
import { CASES } from "../../helpers/naming.js";

export default defineRule({
  id: "PACKAGE_LOWER_SNAKE_CASE",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Package names are lower_snake.case: dot-separated components, each lower_snake_case, as the protobuf style " +
    "guide and buf's rule of the same name ask. Packages become directories, namespaces and import paths in every " +
    "language, where case differences break on case-insensitive file systems.",
  bad: `syntax = "proto3";\npackage Shop.Catalog.v1;\nmessage Item {\n  string id = 1;\n}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nmessage Item {\n  string id = 1;\n}\n`,
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
