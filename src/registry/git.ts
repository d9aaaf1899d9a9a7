import { spawnSync } from "node:child_process";
import { InputError } from "../errors.js";

/**
 * The one way charter runs git: an argument vector (never a shell), in the repository's root. Refs
 * and patterns that come from the user go after `--end-of-options`, paths after `--`, so none is
 * ever read as an option (`--output=FILE` as a ref would make git write a file).
 */
function run(repo: string, args: string[], input?: string) {
  // Blobs and listings of a whole registry: far past spawnSync's 1 MB default.
  return spawnSync("git", args, { cwd: repo, input, maxBuffer: 1 << 30 });
}

/** git's output; an input error when git cannot run, an error carrying git's message when it fails. */
function gitOutput(repo: string, args: string[], input?: string): Buffer {
  const result = run(repo, args, input);
  if (result.error) throw new InputError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new Error(result.stderr.toString().trim() || `git ${args[0]} failed`);
  return result.stdout;
}

/** git's output, trimmed, or undefined when it fails or cannot run: for questions whose answer may be "none". */
function gitAnswer(repo: string, args: string[]): string | undefined {
  const result = run(repo, args);
  return result.status === 0 ? result.stdout.toString("utf8").trim() : undefined;
}

/** Whether `ref` names a commit in the repository. */
export function isCommit(repo: string, ref: string): boolean {
  return gitAnswer(repo, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]) !== undefined;
}

/** Files of `path` (a folder or a file relative to the root) at `ref`: mode, type, object id, name. */
export function listTree(repo: string, ref: string, path: string): { mode: string; type: string; object: string; name: string }[] {
  const listing = gitOutput(repo, ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", ref, "--", path]).toString("utf8");
  return listing.split("\0").filter(Boolean).map((line) => {
    const tab = line.indexOf("\t");
    const [mode, type, object] = line.slice(0, tab).split(" ");
    return { mode, type, object, name: line.slice(tab + 1) };
  });
}

/** Blobs' text in one `git cat-file --batch` call; sizes in its headers are bytes, so the output is read as a Buffer. */
export function readBlobs(repo: string, objects: string[]): string[] {
  const out = gitOutput(repo, ["cat-file", "--batch"], objects.join("\n") + "\n");
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

/** Tags matching a `git tag --list` pattern, oldest version first. */
export function tagsMatching(repo: string, pattern: string): string[] {
  return (gitAnswer(repo, ["tag", "--list", "--sort=v:refname", "--", pattern]) ?? "").split("\n").filter(Boolean);
}

/** A ref's commit date (YYYY-MM-DD), or undefined. */
export function commitDate(repo: string, ref: string): string | undefined {
  return gitAnswer(repo, ["log", "-1", "--format=%cs", "--end-of-options", ref]) || undefined;
}

/** A ref's commit subject (its message's first line), or undefined. */
export function commitSubject(repo: string, ref: string): string | undefined {
  return gitAnswer(repo, ["log", "-1", "--format=%s", "--end-of-options", ref]) || undefined;
}

/** Commits that touched a path, newest first, at most `limit`: full and abbreviated sha. */
export function commitsTouching(repo: string, path: string, limit: number): { sha: string; short: string }[] {
  return (gitAnswer(repo, ["log", `--max-count=${limit}`, "--format=%H %h", "--", path]) ?? "").split("\n").filter(Boolean).map((line) => {
    const [sha, short] = line.split(" ");
    return { sha, short };
  });
}

/** The merge base of two commits, or undefined when they have none. */
export function mergeBaseOf(repo: string, a: string, b: string): string | undefined {
  return gitAnswer(repo, ["merge-base", "--end-of-options", a, b]) || undefined;
}

/** The branch origin's HEAD points to (`origin/main`), or undefined. */
export function remoteHead(repo: string): string | undefined {
  return gitAnswer(repo, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]) || undefined;
}
