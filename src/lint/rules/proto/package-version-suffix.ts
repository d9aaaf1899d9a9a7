import { defineRule } from "../../rule.js";

/** buf's version components: `v1`, `v1beta1`, `v1alpha`, `v1p1beta1`, `v1test`; numbers start at 1. */
const VERSION = /^v[1-9]\d*(?:test\w*|(?:p[1-9]\d*)?(?:alpha|beta)(?:[1-9]\d*)?)?$/;

export default defineRule({
  id: "PACKAGE_VERSION_SUFFIX",
  check({ contract, report }) {
    for (const file of contract.files) {
      const pkg = file.proto.package;
      // A file without a package has nothing to suffix; it is its own contract.
      // The version is a component of its own: a package that is only `v1` has nothing it versions.
      const parts = pkg.split(".");
      if (!pkg || (parts.length > 1 && VERSION.test(parts.at(-1)!))) continue;
      report({
        message: `Package name "${pkg}" should be suffixed with a correctly formed version, such as "${pkg}.v1".`,
        element: pkg,
        place: { desc: file },
      });
    }
  },
});
