/**
 * The installed `charter` (dist/charter.js): loads the bundled CLI (dist/app/, CommonJS modules
 * that scripts/build.mjs wraps as functions) with V8 code caches. Compiling the bundle's JavaScript
 * is a good part of a small run's start-up, and Node 20 caches no compiled code itself
 * (ARCHITECTURE.md, "Start-up"). The caches live in one file in charter's cache folder, named for
 * the build; a run writes it when it compiled a module the file did not hold. A cache that cannot
 * be read or written only costs speed.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { Script } from "node:vm";
import { cacheDir } from "../src/cache-dir.js";

/** A hash of the bundle's files, set by scripts/build.mjs. */
declare const CHARTER_BUILD_KEY: string;

type Wrapped = (exports: object, require: NodeRequire, module: { exports: object }, filename: string, dirname: string) => void;

const APP = join(__dirname, "app");
const folder = join(cacheDir(), "v8");
const cacheFile = join(folder, `${CHARTER_BUILD_KEY}-${process.version}-${process.arch}.bin`);

/** Code caches by module path (relative to dist/app), as the cache file holds them. */
const cached = readCacheFile();
/** Modules compiled without a usable cache: the cache file is written at exit to hold theirs too. */
const scripts = new Map<string, Script>();
const loaded = new Map<string, { exports: object }>();

/**
 * The cache file: a 4-byte length, a JSON index { module: [offset, length] }, then the caches.
 * A missing or damaged file is an empty cache.
 */
function readCacheFile(): Map<string, Buffer> {
  const caches = new Map<string, Buffer>();
  try {
    const bytes = readFileSync(cacheFile);
    const size = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.toString("utf8", 4, 4 + size)) as Record<string, [number, number]>;
    for (const [name, [offset, length]] of Object.entries(index)) caches.set(name, bytes.subarray(4 + size + offset, 4 + size + offset + length));
  } catch {
    caches.clear();
  }
  return caches;
}

function writeCacheFile(): void {
  const caches = new Map(cached);
  for (const [name, script] of scripts) caches.set(name, script.createCachedData());
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, data] of caches) {
    index[name] = [offset, data.length];
    offset += data.length;
  }
  const head = Buffer.from(JSON.stringify(index));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  try {
    mkdirSync(folder, { recursive: true });
    // write then rename, so a concurrent run never reads half a file
    writeFileSync(`${cacheFile}.${process.pid}`, Buffer.concat([size, head, ...caches.values()]));
    renameSync(`${cacheFile}.${process.pid}`, cacheFile);
    // Caches of other builds (or Node versions) are never read again; files being written
    // (`.bin.<pid>`) are another run's.
    for (const name of readdirSync(folder)) if (name.endsWith(".bin") && join(folder, name) !== cacheFile) rmSync(join(folder, name), { force: true });
  } catch {
    // a read-only cache only costs speed
  }
}

/** Runs one module of the bundle once; its `require` loads the bundle's modules through here. */
function load(file: string): { exports: object } {
  const known = loaded.get(file);
  if (known) return known;
  const name = file.slice(APP.length + 1);
  const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData: cached.get(name) });
  if (!cached.has(name) || script.cachedDataRejected) {
    cached.delete(name);
    scripts.set(name, script);
  }
  const module = { exports: {} };
  loaded.set(file, module);
  const nodeRequire = createRequire(file);
  const require = Object.assign((id: string) => (id.startsWith(".") ? load(resolve(dirname(file), id)).exports : nodeRequire(id)), nodeRequire);
  (script.runInThisContext() as Wrapped)(module.exports, require, module, file, dirname(file));
  return module;
}

process.once("exit", () => {
  if (scripts.size > 0) writeCacheFile();
});
load(join(APP, "charter.js"));
