import { defineRule } from "../../rule.js";
import { FILE_DEPENDENCY } from "../../helpers/proto-walk.js";

export default defineRule({
  id: "PACKAGE_NO_IMPORT_CYCLE",
  check({ contract, report }) {
    // Package → packages its files import, over the whole registry.
    const edges = new Map<string, Set<string>>();
    for (const file of contract.image.files.values()) {
      const to = edges.get(file.proto.package) ?? new Set<string>();
      for (const dep of file.dependencies) if (dep.proto.package !== file.proto.package) to.add(dep.proto.package);
      edges.set(file.proto.package, to);
    }
    const reaches = (from: string, target: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length) {
        const at = stack.pop()!;
        if (at === target) return true;
        if (seen.has(at)) continue;
        seen.add(at);
        stack.push(...(edges.get(at) ?? []));
      }
      return false;
    };
    for (const file of contract.files) {
      file.dependencies.forEach((dep, index) => {
        if (dep.proto.package === file.proto.package || !reaches(dep.proto.package, file.proto.package)) return;
        report({
          message: `Package import cycle: ${file.proto.package} -> ${dep.proto.package} -> ... -> ${file.proto.package}`,
          element: `${file.proto.name}:${dep.proto.name}`,
          place: { desc: file, subPath: [FILE_DEPENDENCY, index] },
        });
      });
    }
  },
});
