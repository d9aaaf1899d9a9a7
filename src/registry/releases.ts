import { spawnSync } from "node:child_process";

function git(repo: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Release tags matching charter.yaml's `releases` pattern (default `v*`), oldest version first. */
export function releaseTags(repo: string, pattern: string): string[] {
  return (git(repo, ["tag", "--list", pattern, "--sort=v:refname"]) ?? "").split("\n").filter(Boolean);
}

/**
 * Where a pull request branched off: the merge base of HEAD and the default branch (origin's HEAD,
 * else origin/main, origin/master, main, master). Undefined outside a repository or without one.
 */
export function mergeBase(repo: string): { ref: string; branch: string } | undefined {
  const remoteHead = git(repo, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]);
  const candidates = [remoteHead, "origin/main", "origin/master", "main", "master"].filter((b): b is string => Boolean(b));
  for (const branch of candidates) {
    if (git(repo, ["rev-parse", "--verify", "--quiet", `${branch}^{commit}`]) === undefined) continue;
    const ref = git(repo, ["merge-base", "HEAD", branch]);
    if (ref) return { ref, branch };
  }
  return undefined;
}
