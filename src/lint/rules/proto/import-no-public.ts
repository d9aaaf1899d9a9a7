import { defineRule } from "../../rule.js";
import { FILE_DEPENDENCY } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "IMPORT_NO_PUBLIC",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Files do not `import public`, as buf's rule of the same name requires: several languages' generated code cannot " +
    "express it, and it hides where a type really lives.",
  exampleFiles: { "shop/common/v1/money.proto": `syntax = "proto3";\npackage shop.common.v1;\nmessage Money {}\n` },
  bad: `syntax = "proto3";\npackage shop.catalog.v1;\nimport public "shop/common/v1/money.proto";\nmessage Item {}\n`,
  good: `syntax = "proto3";\npackage shop.catalog.v1;\nimport "shop/common/v1/money.proto";\nmessage Item {\n  shop.common.v1.Money price = 1;\n}\n`,
  check({ contract, report }) {
    for (const file of contract.files) {
      for (const index of file.proto.publicDependency) {
        report({ message: `Import "${file.proto.dependency[index]}" must not be public.`, element: `${file.proto.name}:${file.proto.dependency[index]}`, place: { desc: file, subPath: [FILE_DEPENDENCY, index] } });
      }
    }
  },
});
