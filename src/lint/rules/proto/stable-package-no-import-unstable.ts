import stableImportsUnstable from "./stable-imports-unstable.js";
import { defineRule } from "../../rule.js";

/**
 * buf's v2 rule of the same check as charter's `stable-imports-unstable`, under buf's id: buf.yaml
 * selects it by name (no category holds it), so it runs only where a module asks for it.
 */
export default defineRule({
  ...stableImportsUnstable,
  id: "STABLE_PACKAGE_NO_IMPORT_UNSTABLE",
  description:
    "buf's name for charter's `stable-imports-unstable`: a stable package (`.v1`) must not import an unstable one " +
    "(`.v1alpha1`, `.v1beta1`, `.v1test`). buf.yaml (v2) must select it by name.",
  exampleFiles: { ...stableImportsUnstable.exampleFiles, "buf.yaml": "version: v2\nlint:\n  use: [STABLE_PACKAGE_NO_IMPORT_UNSTABLE]\n" },
});
