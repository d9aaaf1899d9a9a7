import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "PACKAGE_DEFINED",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "Every file declares a package, as buf's rule of the same name requires: without one, its types live in the " +
    "global namespace and collide with anyone else's.",
  bad: `syntax = "proto3";\nmessage Item {}\n`,
  good: `syntax = "proto3";\npackage example;\nmessage Item {}\n`,
  check({ contract, report }) {
    for (const file of contract.files) {
      if (file.proto.package) continue;
      report({ message: `Files must have a package defined.`, element: pathOf(contract, file), place: wholeFile(contract, file) });
    }
  },
});
