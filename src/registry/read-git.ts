import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { InputError } from "../errors.js";
import { withoutBom } from "./read-dir.js";
import { CONTRACT_FILE, type Snapshot } from "./snapshot.js";

/** git's mode for a symlink, a blob holding its target's path: skipped, as the folder reader skips it. */
const SYMLINK = "120000";

function git(cwd: string, args: string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.error) throw new InputError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new Error(result.stderr.trim() || `git ${args[0]} failed`);
  return result.stdout;
}

/** Reads blobs in one `git cat-file --batch` call; sizes in its headers are bytes, so parse a Buffer. */
function catFiles(repo: string, objects: string[]): string[] {
  const result = spawnSync("git", ["cat-file", "--batch"], { cwd: repo, input: objects.join("\n") + "\n", maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(result.stderr.toString().trim() || "git cat-file failed");
  const out = result.stdout;
  const bodies: string[] = [];
  let offset = 0;
  for (let i = 0; i < objects.length; i++) {
    const newline = out.indexOf(10, offset);
    const size = Number(out.subarray(offset, newline).toString().split(" ")[2]);
    bodies.push(out.subarray(newline + 1, newline + 1 + size).toString("utf8"));
    offset = newline + 1 + size + 1;
  }
  return bodies;
}

/** The repository holding `dir`, or undefined when it is not in one. */
export function repositoryRoot(dir: string): string | undefined {
  // Looked up as git does, by the `.git` folder (or file, in worktrees and submodules) of the
  // nearest enclosing folder: no git process on every run.
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, ".git"))) return current;
    if (dirname(current) === current) return undefined;
  }
}

export function isGitRef(repo: string, ref: string): boolean {
  const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: repo, encoding: "utf8" });
  return result.status === 0;
}

/**
 * Reads `path` (relative to the repository root, a folder or a file) as it was at `ref`,
 * from git's object store: the working tree and the index are never touched.
 */
export function readGitSnapshot(repo: string, path: string, ref: string, single: boolean): Snapshot {
  const folder = single ? posix.dirname(path) : path;
  if (!isGitRef(repo, ref)) throw new InputError(`git ref not found: ${ref}`);
  const label = `git:${ref}`;
  const prefix = folder === "" || folder === "." ? "" : folder;
  const listing = git(repo, ["ls-tree", "-r", "-z", "--full-tree", ref, "--", prefix || "."]);
  const entries = listing.split("\0").filter(Boolean).map((line) => {
    const [meta, name] = line.split("\t");
    const [mode, type, object] = meta.split(" ");
    return { mode, type, object, name };
  }).filter((e) => e.type === "blob" && e.mode !== SYMLINK && CONTRACT_FILE.test(e.name));
  if (single && !entries.some((e) => e.name === path)) throw new InputError(`${path} does not exist at ${label}`);
  const files = new Map<string, string>();
  if (entries.length > 0) {
    const batch = catFiles(repo, entries.map((e) => e.object));
    entries.forEach((entry, i) => {
      files.set(posix.relative(prefix, entry.name), withoutBom(batch[i]));
    });
  }
  return { label, files, base: prefix, contract: single ? posix.relative(prefix, path) : undefined };
}
