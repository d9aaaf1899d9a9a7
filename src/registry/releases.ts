import { isCommit, mergeBaseOf, remoteHead } from "./git.js";

/** Release tags: those matching charter.yaml's `releases` pattern (default `v*`), oldest version first. */
export { tagsMatching as releaseTags } from "./git.js";

/**
 * Where a pull request branched off: the merge base of HEAD and the default branch (origin's HEAD,
 * else origin/main, origin/master, main, master). Undefined outside a repository or without one.
 */
export function mergeBase(repo: string): { ref: string; branch: string } | undefined {
  const candidates = [remoteHead(repo), "origin/main", "origin/master", "main", "master"].filter((b): b is string => Boolean(b));
  for (const branch of candidates) {
    if (!isCommit(repo, branch)) continue;
    const ref = mergeBaseOf(repo, "HEAD", branch);
    if (ref) return { ref, branch };
  }
  return undefined;
}
