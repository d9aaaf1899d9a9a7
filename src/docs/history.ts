import { spawnSync } from "node:child_process";
import { relative, resolve, sep } from "node:path";
import { readGitSnapshot, repositoryRoot } from "../registry/read-git.js";
import { releaseTags } from "../registry/releases.js";
import type { Version } from "./changelog.js";

/** A ref's commit date (YYYY-MM-DD), or undefined. */
function dateOf(repo: string, ref: string): string | undefined {
  const result = spawnSync("git", ["log", "-1", "--format=%cs", ref], { cwd: repo, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/** Commits that touched a folder, oldest first, as `sha` (abbreviated for the label) and full sha. */
function commitsTouching(repo: string, path: string, limit: number): { sha: string; short: string }[] {
  const result = spawnSync("git", ["log", `--max-count=${limit}`, "--format=%H %h", "--", path], { cwd: repo, encoding: "utf8" });
  if (result.status !== 0) return [];
  return result.stdout.split("\n").filter(Boolean).map((line) => {
    const [sha, short] = line.split(" ");
    return { sha, short };
  }).reverse();
}

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
  const refs = tags.length ? tags.map((tag) => ({ ref: tag, label: tag })) : commitsTouching(repo, path, limit).map((c) => ({ ref: c.sha, label: c.short }));
  return refs.map(({ ref, label }) => ({ label, date: dateOf(repo, ref), snapshot: { ...readGitSnapshot(repo, path, ref, false), base, label: `git:${label}` } }));
}
