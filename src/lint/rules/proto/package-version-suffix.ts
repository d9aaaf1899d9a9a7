import { defineRule } from "../../rule.js";

/** buf's version components: `v1`, `v1beta1`, `v1alpha`, `v1p1beta1`, `v1test`. */
const VERSION = /^v\d+(?:test\w*|(?:p\d+)?(?:alpha|beta)\d*)?$/;

export default defineRule({
  id: "PACKAGE_VERSION_SUFFIX",
  check({ contract, report }) {
    for (const file of contract.files) {
      const pkg = file.proto.package;
      // A file without a package has nothing to suffix; it is its own contract.
      if (!pkg || VERSION.test(pkg.split(".").pop()!)) continue;
      report({
        message: `Package name "${pkg}" should be suffixed with a correctly formed version, such as "${pkg}.v1".`,
        element: pkg,
        place: { desc: file },
      });
    }
  },
});
