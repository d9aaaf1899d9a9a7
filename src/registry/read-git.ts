import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { InputError } from "../errors.js";
import { isCommit, listTree, readBlobs } from "./git.js";
import { withoutBom } from "./read-dir.js";
import { CONTRACT_FILE, type Snapshot } from "./snapshot.js";

/** Whether a bare `--against` names a commit rather than a folder. */
export { isCommit as isGitRef } from "./git.js";

/** git's mode for a symlink, a blob holding its target's path: skipped, as the folder reader skips it. */
const SYMLINK = "120000";

/** The repository holding `dir`, or undefined when it is not in one. */
export function repositoryRoot(dir: string): string | undefined {
  // Looked up as git does, by the `.git` folder (or file, in worktrees and submodules) of the
  // nearest enclosing folder: no git process on every run.
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Reads `path` (relative to the repository root, a folder or a file) as it was at `ref`,
 * from git's object store: the working tree and the index are never touched.
 */
export function readGitSnapshot(repo: string, path: string, ref: string, single: boolean): Snapshot {
  const folder = single ? posix.dirname(path) : path;
  if (!isCommit(repo, ref)) throw new InputError(`git ref not found: ${ref}`);
  const label = `git:${ref}`;
  const prefix = folder === "" || folder === "." ? "" : folder;
  const entries = listTree(repo, ref, prefix || ".").filter((e) => e.type === "blob" && e.mode !== SYMLINK && CONTRACT_FILE.test(e.name));
  if (single && !entries.some((e) => e.name === path)) throw new InputError(`${path} does not exist at ${label}`);
  const files = new Map<string, string>();
  if (entries.length > 0) {
    const batch = readBlobs(repo, entries.map((e) => e.object));
    entries.forEach((entry, i) => {
      files.set(posix.relative(prefix, entry.name), withoutBom(batch[i]));
    });
  }
  return { label, files, base: prefix, contract: single ? posix.relative(prefix, path) : undefined };
}
