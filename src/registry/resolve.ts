import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { readPathSnapshot, withoutBom } from "./read-dir.js";
import { CONFIG_FILE } from "./config.js";
import { isGitRef, readGitSnapshot, repositoryRoot } from "./read-git.js";
import { mergeBase, releaseTags } from "./releases.js";
import type { Snapshot } from "./snapshot.js";

const posix = (path: string): string => (sep === "/" ? path : path.split(sep).join("/"));

interface Place {
  /** Absolute path of the input folder or file. */
  path: string;
  single: boolean;
  /** Absolute path of the registry: the folder itself, or the registry a single file belongs to. */
  registry: string;
  /** The git repository holding it, if any. */
  repo?: string;
  /** The registry's path relative to the repository root (or to cwd outside a repository). */
  relative: string;
  /** For a single file: its path inside the registry. */
  contract?: string;
}

/**
 * The registry a contract file belongs to: the nearest folder above it with a charter.yaml,
 * looking no higher than the repository root (outside a repository, the working directory);
 * with none, the file's own folder.
 */
function registryOf(file: string, top: string): string {
  const folder = dirname(file);
  if (folder !== top && !folder.startsWith(top + sep)) return folder;
  for (let current = folder; ; current = dirname(current)) {
    if (existsSync(join(current, CONFIG_FILE))) return current;
    if (current === top || dirname(current) === current) return folder;
  }
}

/** Where a path is; `repo` is reused when the path lies inside it, saving a git call. */
function place(path: string, cwd: string, repo?: string): Place {
  const abs = resolve(cwd, path);
  if (!existsSync(abs)) throw new InputError(`no such file or folder: ${path}`);
  const single = statSync(abs).isFile();
  const root = repo && (abs === repo || abs.startsWith(`${repo}/`)) ? repo : repositoryRoot(single ? dirname(abs) : abs);
  const registry = single ? registryOf(abs, root ?? cwd) : abs;
  return {
    path: abs,
    single,
    registry,
    repo: root,
    relative: posix(relative(root ?? cwd, registry)) || ".",
    contract: single ? posix(relative(registry, abs)) : undefined,
  };
}

/** The registry folder of a folder or contract file: what charter reads, so never a place to write. */
export function registryFolder(input: string, cwd: string): string {
  return place(input, cwd).registry;
}

/**
 * The registry holding a place, read from disk (or `folder`, that registry already read); a single
 * file is marked as the contract.
 */
function readPlace(p: Place, label: string, folder: Snapshot = readPathSnapshot(p.registry, p.relative)): Snapshot {
  if (p.contract === undefined) return { ...folder, label };
  // The file itself is read even where a registry walk would skip it (a dot-folder).
  const files = folder.files.has(p.contract) ? folder.files : new Map(folder.files).set(p.contract, withoutBom(readFileSync(p.path, "utf8")));
  return { ...folder, files, label, contract: p.contract };
}

/** The registry holding a place as it was at a git ref; a single file must exist there. */
function readPlaceAt(p: Place, ref: string): Snapshot {
  const snapshot = readGitSnapshot(p.repo!, p.relative, ref, false);
  if (p.contract === undefined) return snapshot;
  if (!snapshot.files.has(p.contract)) throw new InputError(`${posix(relative(p.repo!, p.path))} does not exist at git:${ref}`);
  return { ...snapshot, contract: p.contract };
}

/** Reads one registry folder (or contract file) from disk, with its place for reports. */
export function readInput(input: string, cwd: string): Snapshot {
  return readPlace(place(input, cwd), input);
}

/**
 * Reads INPUT from disk, and AGAINST (ARCHITECTURE.md, "The compatibility model"): a folder, a file, `git:REF`, or a bare word
 * that is a ref. A git ref is read for the same path as INPUT, in the repository that holds INPUT.
 */
export function readInputs(input: string, against: string, cwd: string): { input: Snapshot; against: Snapshot } {
  const inputPlace = place(input, cwd);
  const current = readPlace(inputPlace, input);
  const atRef = (ref: string): Snapshot => {
    if (!inputPlace.repo) throw new InputError(`${input} is not inside a git repository, so ${against} cannot be read`);
    return readPlaceAt(inputPlace, ref);
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
  // Two files of one folder (a spec and its previous version side by side): the folder is read once.
  return { input: current, against: p.registry === inputPlace.registry ? readPlace(p, against, current) : readPlace(p, against) };
}

/** INPUT at every release tag matching `pattern`, oldest first (none outside a repository). */
export function readReleases(input: string, cwd: string, pattern: string): Snapshot[] {
  const p = place(input, cwd);
  if (!p.repo) return [];
  return releaseTags(p.repo, pattern).map((tag) => readPlaceAt(p, tag));
}

/** INPUT where the current branch left the default branch, for `charter check` without --against. */
export function readMergeBase(input: string, cwd: string): Snapshot {
  const p = place(input, cwd);
  if (!p.repo) throw new InputError(`${input} is not in a git repository: name the version to compare with, --against`);
  const base = mergeBase(p.repo);
  if (!base) throw new InputError("no default branch (origin/HEAD, main or master) to compare with: name the version, --against");
  return { ...readPlaceAt(p, base.ref), label: `git:${base.ref.slice(0, 12)}` };
}
