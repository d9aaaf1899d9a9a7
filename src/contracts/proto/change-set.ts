import { createHash } from "node:crypto";
import { buildConfig } from "./module-layout.js";
import { registryPath, type ProtoSources } from "./compile.js";
import { outline, type ProtoOutline } from "./outline.js";

/** One version's files with their outlines and content keys. */
export interface OutlinedSources {
  sources: ProtoSources;
  outlines: Map<string, ProtoOutline>;
  /** Registry paths of each file's imports that are in the registry (well-known types are not). */
  imports: Map<string, string[]>;
}

export function outlineSources(sources: ProtoSources): OutlinedSources {
  const outlines = new Map([...sources.files].map(([path, text]) => [path, outline(text)]));
  const imports = new Map([...outlines].map(([path, o]) => [
    path,
    o.imports.map((name) => registryPath(name, sources)).filter((p) => sources.files.has(p)),
  ]));
  return { sources, outlines, imports };
}

/** A file's key covers its text and, through their keys, everything it imports: same key, same descriptor. */
function contentKeys(side: OutlinedSources): Map<string, string> {
  const keys = new Map<string, string>();
  const key = (path: string): string => {
    let k = keys.get(path);
    if (k === undefined) {
      keys.set(path, ""); // buf rejects import cycles; this only stops a loop before it does
      const hash = createHash("sha256").update(side.sources.files.get(path)!);
      for (const dep of side.imports.get(path) ?? []) hash.update("\0").update(key(dep));
      k = hash.digest("hex");
      keys.set(path, k);
    }
    return k;
  };
  for (const path of side.sources.files.keys()) key(path);
  return keys;
}

export interface ChangeSet {
  /** Files whose key differs between the versions, or that exist in one only. */
  changed: Set<string>;
  /** Files to compile and compare, on each side where they exist. */
  selected: Set<string>;
  /** The current version's content keys by path (a key covers the file and everything it imports). */
  keys: Map<string, string>;
}

/**
 * The files both versions must compile and compare: every file whose key differs between the two
 * (or that exists on one side only), every other file of the packages those belong to (package
 * rules compare whole packages), and everything those import. A file left out is identical, with
 * identical imports, on both sides, so no rule can find anything in it; and any RPC that reaches a
 * changed message imports it, so it is changed too and roles stay right.
 */
export function changeSet(previous: OutlinedSources, current: OutlinedSources): ChangeSet {
  const all = new Set([...previous.sources.files.keys(), ...current.sources.files.keys()]);
  if (buildConfig(previous.sources.layout) !== buildConfig(current.sources.layout)) return { changed: all, selected: all, keys: new Map() };
  const before = contentKeys(previous);
  const after = contentKeys(current);
  const changed = new Set([...all].filter((path) => before.get(path) === undefined || before.get(path) !== after.get(path)));
  const changedPackages = new Set<string>();
  for (const path of changed) {
    for (const side of [previous, current]) {
      const o = side.outlines.get(path);
      if (o) changedPackages.add(o.package);
    }
  }
  // Imports are followed on both sides, so a file selected for one side is compiled on the other
  // too and never looks added or deleted.
  const selected = new Set<string>();
  const pending = [...all].filter((path) =>
    [previous, current].some((side) => changedPackages.has(side.outlines.get(path)?.package ?? "\0")));
  while (pending.length) {
    const path = pending.pop()!;
    if (selected.has(path)) continue;
    selected.add(path);
    for (const side of [previous, current]) pending.push(...(side.imports.get(path) ?? []));
  }
  return { changed, selected, keys: after };
}
