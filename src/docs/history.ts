import { relative, resolve, sep } from "node:path";
import { commitDate, commitSubject, commitsTouching } from "../registry/git.js";
import { readGitSnapshot, repositoryRoot } from "../registry/read-git.js";
import { releaseTags } from "../registry/releases.js";
import type { Version } from "./changelog.js";

/**
 * The versions of a registry folder for the changelog, oldest first: its release tags (charter.yaml's
 * `releases` pattern), else the commits that touched it; at most `limit`, the newest. None outside
 * a git repository. Read from git's object store through the registry readers.
 */
export function readHistory(registry: string, cwd: string, pattern: string, limit: number): Version[] {
  const abs = resolve(cwd, registry);
  const repo = repositoryRoot(abs);
  if (!repo) return [];
  const path = relative(repo, abs).split(sep).join("/") || ".";
  const base = relative(cwd, abs).split(sep).join("/") || ".";
  const tags = releaseTags(repo, pattern).slice(-limit);
  const refs = tags.length ? tags.map((tag) => ({ ref: tag, label: tag })) : commitsTouching(repo, path, limit).reverse().map((c) => ({ ref: c.sha, label: c.short }));
  return refs.map(({ ref, label }) => ({ label, date: commitDate(repo, ref), subject: commitSubject(repo, ref), snapshot: { ...readGitSnapshot(repo, path, ref, false), base, label: `git:${label}` } }));
}
