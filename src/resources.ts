import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * charter's package root: found by walking up, so it works from src/ (tsx) and from dist/ alike.
 * dist/package.json, which only sets the module type, has no name.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isPackage(dir)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("charter's package.json not found");
    dir = parent;
  }
  return dir;
}

function isPackage(dir: string): boolean {
  const file = join(dir, "package.json");
  return existsSync(file) && typeof (JSON.parse(readFileSync(file, "utf8")) as { name?: unknown }).name === "string";
}

export const PACKAGE_ROOT = packageRoot();

/** A JSON file shipped with charter, such as `schemas/report.schema.json`. */
export function readResourceJson(path: string): unknown {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, path), "utf8"));
}
