import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../resources.js";

/** The folder of the build's work tree that holds shipped files, a module of its own. */
export const SHIPPED_ROOT = ".charter-shipped";

/** Import paths of the `.proto` files charter ships in `proto/` (its README names their origin). */
const SHIPPED = ["buf/validate/validate.proto"];

const texts = new Map<string, string>();

const shippedText = (path: string): string => {
  let text = texts.get(path);
  if (text === undefined) {
    text = readFileSync(join(PACKAGE_ROOT, "proto", path), "utf8");
    texts.set(path, text);
  }
  return text;
};

/**
 * The shipped files a build needs (ARCHITECTURE.md, "Shipped definitions"): those a source names
 * and the registry does not hold (`held` takes an import path), by import path. A registry's own
 * copy wins; a mention that is no import only adds a file buf compiles and nobody reads.
 */
export function shippedImports(files: Map<string, string>, held: (importPath: string) => boolean): Map<string, string> {
  const sources = [...files.values()];
  const needed = SHIPPED.filter((path) => !held(path) && sources.some((text) => text.includes(path)));
  return new Map(needed.map((path) => [path, shippedText(path)]));
}
