import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, parse, posix, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import { CONFIG_FILE, loadConfig } from "./config.js";
import { joinPath, type Snapshot } from "./snapshot.js";
import { parseConfigYaml } from "./yaml-source.js";

/*
 * Where charter may read and where it may write.
 *
 * Reading: a command reads one registry into a Snapshot (read-dir.ts, read-git.ts) and nothing
 * else; `$ref`s resolve among the snapshot's files only (contracts/schema-source.ts), and the
 * generators and the docs site take snapshots, never paths.
 *
 * Writing: `generate` and `docs` each write one output folder, named on the command line or in the
 * registry's root charter.yaml (never by a contract), which must be a folder of its own: not the
 * working directory or the file system root, not the registry, not inside it and not around it.
 * Inside it charter writes only below it, never through a symbolic link, and deletes or rewrites
 * only the files its manifest (the marker file) lists: files the user added are kept.
 */

/** An output folder kind: the marker file that holds its manifest, and the command that writes it. */
export interface OutputKind {
  marker: string;
  command: string;
}

export const SDK_OUTPUT: OutputKind = { marker: ".charter-sdk", command: "charter generate" };
export const SITE_OUTPUT: OutputKind = { marker: ".charter-site", command: "charter docs" };

/** Where an output folder was named: `--out` on the command line, or a key of charter.yaml. */
export interface OutputChoice {
  folder: string;
  origin: string;
  /** The command's default folder, suggested when the choice is refused. */
  fallback: string;
  file?: string;
  line?: number;
  column?: number;
}

/** `--out`, else `generate.out`/`docs.out` of the registry's root charter.yaml (with its place), else the default. */
export function chooseOutput(flag: string | undefined, registry: Snapshot, key: "generate" | "docs", fallback: string): OutputChoice {
  if (flag !== undefined) return { folder: flag, origin: "--out", fallback };
  // Only the root charter.yaml: a single contract file is not a registry, and has no say.
  const files = registry.contract === undefined ? registry.files : new Map<string, string>();
  const file = joinPath(registry.base, CONFIG_FILE);
  const configured = loadConfig(files, file)[key].out;
  if (configured === undefined) return { folder: fallback, origin: "the default output folder", fallback };
  const { line, column } = parseConfigYaml(file, files.get(CONFIG_FILE)!).position([key, "out"]);
  return { folder: configured, origin: `${key}.out`, fallback, file, line, column };
}

/** A path with its symbolic links resolved, for the part of it that exists. */
function real(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  while (!existsSync(current) && dirname(current) !== current) {
    missing.unshift(basename(current));
    current = dirname(current);
  }
  return join(realpathSync(current), ...missing);
}

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * The absolute output folder, after the rules above; an InputError (at the charter.yaml line, when
 * it came from there) otherwise. `registry` is the registry folder (or a single contract's folder).
 */
export function outputFolder(choice: OutputChoice, places: { cwd: string; registry: string }): string {
  const refuse = (why: string): never => {
    throw new InputError(`${choice.origin} ${JSON.stringify(choice.folder)} ${why}`, choice.file, choice.line, choice.column);
  };
  if (choice.folder.trim() === "") refuse(`is empty: name a folder for charter to write, such as ${choice.fallback}`);
  const out = resolve(places.cwd, choice.folder);
  const target = real(out);
  if (parse(target).root === target) refuse("is the root of the file system: name a folder of its own");
  if (within(real(places.cwd), target)) refuse(`is the working directory or holds it: name a folder of its own, such as ${choice.fallback}`);
  const registry = real(places.registry);
  const shown = relative(places.cwd, places.registry) || ".";
  if (within(registry, target)) refuse(`is or holds the registry ${shown}: name a folder outside it`);
  if (within(target, registry)) refuse(`is inside the registry ${shown}: name a folder outside it`);
  if (existsSync(out) && !statSync(out).isDirectory()) refuse("is a file, not a folder");
  return out;
}

/** A path a generator produced, checked to stay below the output folder. */
function below(path: string): string {
  const clean = posix.normalize(path);
  if (clean !== path || path === "" || path.startsWith("/") || path.split("/").some((s) => s === ".." || s === "." || s === "") || path.includes("\\")) {
    throw new InputError(`refusing to write ${JSON.stringify(path)}: it would not stay below the output folder`);
  }
  return path;
}

const MANIFEST_HEADER = "files:";

/**
 * The files the marker lists, undefined when there is no marker. A marker from before manifests
 * lists nothing: charter then rewrites only the files it is about to write, and deletes nothing.
 * Lines that would leave the folder are ignored, never followed.
 */
function readManifest(out: string, kind: OutputKind): Set<string> | undefined {
  const marker = join(out, kind.marker);
  if (!existsSync(marker)) return undefined;
  const lines = readFileSync(marker, "utf8").split(/\r?\n/);
  const start = lines.indexOf(MANIFEST_HEADER);
  const listed = start < 0 ? [] : lines.slice(start + 1).filter((line) => line !== "");
  return new Set(listed.filter((path) => path !== kind.marker && posix.normalize(path) === path && !path.startsWith("/") && !path.split("/").includes("..") && !path.includes("\\")));
}

function manifestText(kind: OutputKind, files: Iterable<string>): string {
  const intro = `Written by ${kind.command}, which rewrites or deletes only the files listed below; anything else in this folder is yours, and kept.`;
  return `${intro}\n${MANIFEST_HEADER}\n${[...files].sort().map((f) => `${f}\n`).join("")}`;
}

/** Every file under a folder, relative, with forward slashes; symbolic links count as files and are not followed. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/** Checks that writing `path` below `out` goes through no symbolic link and no file where a folder should be. */
function checkWritable(out: string, path: string): void {
  let current = out;
  for (const segment of path.split("/")) {
    current = join(current, segment);
    if (!existsSync(current) && !isLink(current)) return;
    const stat = lstatSync(current);
    if (stat.isSymbolicLink()) throw new InputError(`${current} is a symbolic link: charter does not write through links`);
    if (current !== join(out, path) && !stat.isDirectory()) throw new InputError(`${current} is a file where charter writes a folder`);
  }
}

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

export interface WriteResult {
  written: number;
  /** Files in the folder that charter did not write, left as they were. */
  kept: string[];
}

/**
 * Writes `files` (paths relative to `out`) into the output folder: refuses a non-empty folder
 * without the marker, and a file of the user's at a path charter writes; deletes the files the
 * previous run listed and this one does not write (and folders they leave empty); writes the new
 * manifest last.
 */
export function writeOutput(out: string, files: Map<string, string>, kind: OutputKind): WriteResult {
  for (const path of files.keys()) below(path);
  if (files.has(kind.marker)) throw new InputError(`refusing to write ${kind.marker}: charter keeps its manifest there`);
  const present = new Set(filesUnder(out).filter((path) => path !== kind.marker));
  const manifest = readManifest(out, kind);
  if (present.size && !manifest) {
    throw new InputError(`${out} is not empty and was not written by ${kind.command} (no ${kind.marker} file): name an empty or new folder with --out`);
  }
  // Before manifests, the marker promised that charter rewrote the whole folder: its files at the paths charter writes are charter's.
  const ours = manifest?.size ? manifest : new Set([...files.keys()].filter((path) => present.has(path)));
  const clashes = [...present].filter((path) => files.has(path) && !ours.has(path));
  if (clashes.length) {
    throw new InputError(`${out} holds files that ${kind.command} did not write at paths it writes: ${clashes.slice(0, 5).join(", ")}${clashes.length > 5 ? ", …" : ""}; move them away`);
  }
  for (const path of files.keys()) checkWritable(out, path);
  for (const path of ours) {
    // Never through a link: the folder holding the file must really be inside the output folder.
    if (files.has(path) || !present.has(path) || !within(real(dirname(join(out, path))), real(out))) continue;
    unlinkSync(join(out, path));
    for (let folder = posix.dirname(path); folder !== "."; folder = posix.dirname(folder)) {
      const dir = join(out, folder);
      if (readdirSync(dir).length) break;
      rmdirSync(dir);
    }
  }
  mkdirSync(out, { recursive: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
  }
  writeFileSync(join(out, kind.marker), manifestText(kind, files.keys()));
  return { written: files.size, kept: [...present].filter((path) => !files.has(path) && !ours.has(path)) };
}

/**
 * What `--check` reports: files charter would write that are missing or differ, and files the
 * manifest lists that charter no longer writes. Files the user added are not drift.
 */
export function outputDrift(out: string, files: Map<string, string>, kind: OutputKind): string[] {
  const differ = [...files].filter(([path, text]) => !existsSync(join(out, path)) || readFileSync(join(out, path), "utf8") !== text).map(([path]) => path);
  const stale = [...(readManifest(out, kind) ?? [])].filter((path) => !files.has(path) && existsSync(join(out, path)));
  return [...differ, ...stale];
}
