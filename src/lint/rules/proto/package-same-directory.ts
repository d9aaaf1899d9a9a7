import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

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
    // Files without a package are each a contract of their own, but share the empty package for buf.
    const pkg = contract.files[0].proto.package;
    const dirs = new Set([...contract.image.files.values()].filter((f) => f.proto.package === pkg).map((f) => dirOf(pathOf(contract, f))));
    if (dirs.size < 2) return;
    for (const file of contract.files) {
      report({
        message: `Multiple directories found for package "${file.proto.package}": ${[...dirs].sort().map((d) => `"${d}"`).join(", ")}.`,
        element: pathOf(contract, file),
        place: pkg ? { desc: file } : wholeFile(contract, file),
      });
    }
  },
});
