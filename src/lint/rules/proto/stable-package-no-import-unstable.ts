import stableImportsUnstable from "./stable-imports-unstable.js";
import { defineRule } from "../../rule.js";

/**
 * buf's v2 rule of the same check as charter's `stable-imports-unstable`, under buf's id: buf.yaml
 * selects it by name (no category holds it), so it runs only where a module asks for it.
 */
export default defineRule({ id: "STABLE_PACKAGE_NO_IMPORT_UNSTABLE", check: stableImportsUnstable.check });
