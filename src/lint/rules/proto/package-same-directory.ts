import { defineRule } from "../../rule.js";
import { pathOf } from "../../helpers/proto-walk.js";

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/"))) || ".";

export default defineRule({
  id: "PACKAGE_SAME_DIRECTORY",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "All files of one package are in one directory, as buf's rule of the same name requires: a package split over " +
    "directories is generated into several modules.",
  exampleFiles: { "one/other.proto": `syntax = "proto3";\npackage example;\nmessage Other {}\n` },
  bad: `syntax = "proto3";\npackage example;\nmessage Item {}\n`,
  good: `syntax = "proto3";\npackage elsewhere;\nmessage Item {}\n`,
  check({ contract, report }) {
    const dirs = new Set(contract.files.map((f) => dirOf(pathOf(contract, f))));
    if (dirs.size < 2) return;
    for (const file of contract.files) {
      if (!file.proto.package) continue;
      report({
        message: `Multiple directories found for package "${file.proto.package}": ${[...dirs].sort().map((d) => `"${d}"`).join(", ")}.`,
        element: pathOf(contract, file),
        place: { desc: file },
      });
    }
  },
});
