import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { cacheDir } from "../../cache-dir.js";
import type { ChangeSet, OutlinedSources } from "./change-set.js";
import { compileProto } from "./compile.js";

const marker = (key: string) => join(cacheDir(), "proto-compiled", key.slice(0, 2), key);

/**
 * Makes sure the files `breaking` leaves out of its comparison (unchanged, with unchanged imports)
 * still compile: an unchanged file that misses an import must fail `breaking` as it fails `check`.
 * A file's content key covers its imports, so a key that compiled once compiles again; those are
 * remembered in the cache, and only files never compiled before are built, with their imports.
 * Throws buf's first error (an InputError naming file, line and column).
 */
export async function vouchForUnchanged(side: OutlinedSources, { selected, keys }: ChangeSet): Promise<void> {
  const unknown = [...side.sources.files.keys()].filter((path) => !selected.has(path) && !existsSync(marker(keys.get(path)!)));
  if (unknown.length === 0) return;
  const closure = new Set<string>();
  const visit = (path: string): void => {
    if (closure.has(path)) return;
    closure.add(path);
    side.imports.get(path)?.forEach(visit);
  };
  unknown.forEach(visit);
  await compileProto({ ...side.sources, files: new Map([...side.sources.files].filter(([path]) => closure.has(path))) });
  try {
    for (const path of closure) {
      const file = marker(keys.get(path)!);
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, "");
    }
  } catch {
    // a read-only cache only costs speed
  }
}
