import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { InputError } from "../errors.js";
import { CONTRACT_FILE, type Snapshot } from "./snapshot.js";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Reads a registry folder, or one contract file, from disk. `base` is its path for reports. */
export function readPathSnapshot(path: string, base: string): Snapshot {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`no such file or folder: ${path}`);
  }
  if (stat.isFile()) {
    const name = basename(path);
    return { label: path, files: new Map([[name, readFileSync(path, "utf8")]]), base, single: true };
  }
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CONTRACT_FILE.test(entry.name)) {
        files.set(toPosix(relative(path, full)), readFileSync(full, "utf8"));
      }
    }
  };
  walk(path);
  return { label: path, files, base, single: false };
}
