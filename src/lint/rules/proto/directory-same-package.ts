import { defineRule } from "../../rule.js";
import { pathOf, wholeFile } from "../../helpers/proto-walk.js";

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

export default defineRule({
  id: "DIRECTORY_SAME_PACKAGE",
  check({ contract, report }) {
    for (const file of contract.files) {
      const dir = dirOf(pathOf(contract, file));
      const packages = new Set([...contract.image.files.values()].filter((f) => dirOf(pathOf(contract, f)) === dir).map((f) => f.proto.package));
      if (packages.size < 2) continue;
      const where = dir || ".";
      report({
        message: `Multiple packages found in directory "${where}": ${[...packages].sort().map((p) => `"${p}"`).join(", ")}.`,
        element: `${pathOf(contract, file)}`,
        place: file.proto.package ? { desc: file } : wholeFile(contract, file),
      });
    }
  },
});
