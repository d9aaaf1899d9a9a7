import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { readPathSnapshot } from "./read-dir.js";
import { isGitRef, readGitSnapshot, repositoryRoot } from "./read-git.js";
import { mergeBase, releaseTags } from "./releases.js";
import type { Snapshot } from "./snapshot.js";

const posix = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"));

interface Place {
  /** Absolute path of the input folder or file. */
  path: string;
  single: boolean;
  /** The git repository holding it, if any. */
  repo?: string;
  /** The path relative to the repository root (or to cwd outside a repository). */
  relative: string;
}

/** Where a path is; `repo` is reused when the path lies inside it, saving a git call. */
function place(path: string, cwd: string, repo?: string): Place {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new InputError(`no such file or folder: ${path}`);
  const single = statSync(abs).isFile();
  const root = repo && (abs === repo || abs.startsWith(`${repo}/`)) ? repo : repositoryRoot(single ? dirname(abs) : abs);
  return { path: abs, single, repo: root, relative: posix(relative(root ?? cwd, abs)) || "." };
}

const baseOf = (p: Place): string => (p.single ? posix(dirname(p.relative)) : p.relative);

/** Reads one registry folder (or contract file) from disk, with its place for reports. */
export function readInput(input: string, cwd: string): Snapshot {
  const p = place(input, cwd);
  return { ...readPathSnapshot(p.path, baseOf(p)), label: input };
}

/**
 * Reads INPUT from disk, and AGAINST (DESIGN.md §4): a folder, a file, `git:REF`, or a bare word
 * that is a ref. A git ref is read for the same path as INPUT, in the repository that holds INPUT.
 */
export function readInputs(input: string, against: string, cwd: string): { input: Snapshot; against: Snapshot } {
  const inputPlace = place(input, cwd);
  const current = readInput(input, cwd);
  const atRef = (ref: string): Snapshot => {
    if (!inputPlace.repo) throw new InputError(`${input} is not inside a git repository, so ${against} cannot be read`);
    const snapshot = readGitSnapshot(inputPlace.repo, inputPlace.relative, ref, inputPlace.single);
    return { ...snapshot, base: baseOf(inputPlace) };
  };
  if (against.startsWith("git:")) return { input: current, against: atRef(against.slice(4)) };
  const isPath = existsSync(resolve(cwd, against));
  const bare = !/^(\.{0,2}\/|~)/.test(against);
  const isRef = bare && inputPlace.repo !== undefined && isGitRef(inputPlace.repo, against);
  if (isPath && isRef) {
    throw new InputError(`"${against}" is both a path and a git ref: write git:${against} or ./${against}`);
  }
  if (isRef) return { input: current, against: atRef(against) };
  if (!isPath) throw new InputError(`no such file, folder or git ref: ${against}`);
  const p = place(against, cwd, inputPlace.repo);
  if (p.single !== inputPlace.single) {
    throw new InputError(`cannot compare a ${inputPlace.single ? "file" : "folder"} (${input}) against a ${p.single ? "file" : "folder"} (${against})`);
  }
  return { input: current, against: { ...readPathSnapshot(p.path, baseOf(p)), label: against } };
}

/** INPUT at every release tag matching `pattern`, oldest first (none outside a repository). */
export function readReleases(input: string, cwd: string, pattern: string): Snapshot[] {
  const p = place(input, cwd);
  if (!p.repo) return [];
  return releaseTags(p.repo, pattern).map((tag) => ({ ...readGitSnapshot(p.repo!, p.relative, tag, p.single), base: baseOf(p) }));
}

/** INPUT where the current branch left the default branch, for `charter check` without --against. */
export function readMergeBase(input: string, cwd: string): Snapshot {
  const p = place(input, cwd);
  if (!p.repo) throw new InputError(`${input} is not in a git repository: name the version to compare with, --against`);
  const base = mergeBase(p.repo);
  if (!base) throw new InputError("no default branch (origin/HEAD, main or master) to compare with: name the version, --against");
  const snapshot = readGitSnapshot(p.repo, p.relative, base.ref, p.single);
  return { ...snapshot, base: baseOf(p), label: `git:${base.ref.slice(0, 12)}` };
}
