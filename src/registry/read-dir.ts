import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { InputError } from "../errors.js";
import { CONTRACT_FILE, type Snapshot } from "./snapshot.js";

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** A text without a leading UTF-8 byte-order mark: both readers drop it alike. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's text without the byte-order mark some editors write: the first key is then where parsers look for it. */
const readText = (path: string): string => withoutBom(readFileSync(path, "utf8"));

/**
 * Reads a registry folder, or one contract file with the files of its folder, from disk.
 * `base` is the folder's path for reports.
 */
export function readPathSnapshot(path: string, base: string): Snapshot {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError(`no such file or folder: ${path}`);
  }
  const root = stat.isFile() ? dirname(path) : path;
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CONTRACT_FILE.test(entry.name)) {
        files.set(toPosix(relative(root, full)), readText(full));
      }
    }
  };
  walk(root);
  if (!stat.isFile()) return { label: path, files, base };
  const contract = basename(path);
  files.set(contract, readText(path));
  return { label: path, files, base, contract };
}
