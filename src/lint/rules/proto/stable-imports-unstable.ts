import { isUnstablePackage } from "../../../contracts/proto/stability.js";
import { defineRule } from "../../rule.js";

/** FileDescriptorProto's `dependency`: the import statements. */
const DEPENDENCY = 3;

export default defineRule({
  id: "stable-imports-unstable",
  check({ contract, report }) {
    for (const file of contract.files) {
      if (!file.proto.package || isUnstablePackage(file.proto.package)) continue;
      file.dependencies.forEach((dependency) => {
        const pkg = dependency.proto.package;
        if (!isUnstablePackage(pkg)) return;
        const index = file.proto.dependency.indexOf(dependency.proto.name);
        report({
          message: `Stable package "${file.proto.package}" imports "${dependency.proto.name}" of unstable package "${pkg}".`,
          element: `${file.proto.package}:${dependency.proto.name}`,
          place: { desc: file, subPath: [DEPENDENCY, index] },
        });
      });
    }
  },
});
