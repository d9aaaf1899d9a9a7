import { isUnstablePackage } from "../../../contracts/proto/stability.js";
import { defineRule } from "../../rule.js";

/** FileDescriptorProto's `dependency`: the import statements. */
const DEPENDENCY = 3;

export default defineRule({
  id: "stable-imports-unstable",
  kinds: ["proto"],
  defaultSeverity: "error",
  description:
    "A stable package (`.v1`) must not import an unstable one (`.v1alpha1`, `.v1beta1`, `.v1test`): unstable " +
    "packages may break at any time and are not gated, so a stable contract that uses their types would break " +
    "with them, without charter stopping it. Move the shared types to a stable package, or keep the importing " +
    "package unstable until its dependency stabilises. buf has no rule for this; the id is charter's.",
  bad: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1beta1/price.proto";
message Item {
  shop.pricing.v1beta1.Price price = 1;
}
`,
  good: `syntax = "proto3";
package shop.catalog.v1;
import "shop/pricing/v1/price.proto";
message Item {
  shop.pricing.v1.Price price = 1;
}
`,
  exampleFiles: {
    "shop/pricing/v1beta1/price.proto": `syntax = "proto3";\npackage shop.pricing.v1beta1;\nmessage Price {\n  int64 amount_minor = 1;\n}\n`,
    "shop/pricing/v1/price.proto": `syntax = "proto3";\npackage shop.pricing.v1;\nmessage Price {\n  int64 amount_minor = 1;\n}\n`,
  },
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
