import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/"))) || ".";

export default defineRule({
  id: "PACKAGE_SAME_DIRECTORY",
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
