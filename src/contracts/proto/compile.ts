import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { cacheDir } from "../../cache-dir.js";
import { InputError } from "../../errors.js";
import { joinPath } from "../../registry/snapshot.js";
import { bufBinary, bufVersion } from "./buf-binary.js";
import { buildConfig, type ModuleLayout } from "./module-layout.js";
import { SHIPPED_ROOT, shippedImports } from "./shipped.js";

/** The proto sources of one registry version, as `buf build` needs them. */
export interface ProtoSources {
  /** Registry-relative path → text, `.proto` files only. */
  files: Map<string, string>;
  layout: ModuleLayout;
  /** Prefix that turns a registry-relative path into what the user sees (for errors). */
  base: string;
}

function contentKey(sources: ProtoSources, shipped: Map<string, string>): string {
  const hash = createHash("sha256").update(bufVersion()).update("\0").update(buildConfig(sources.layout, shipped.size > 0));
  for (const path of [...sources.files.keys()].sort()) {
    hash.update("\0").update(path).update("\0").update(sources.files.get(path)!);
  }
  for (const [path, text] of shipped) hash.update("\0shipped\0").update(path).update("\0").update(text);
  return hash.digest("hex");
}

/**
 * Compiles the sources with `buf build` into a binary image (a FileDescriptorSet with source info).
 * Images are cached by a hash of everything that goes in, so an unchanged version is never rebuilt.
 */
export function compileProto(sources: ProtoSources): Promise<Uint8Array> {
  // Commands of one run (lint and breaking in `check`) compile the same files once.
  const shipped = shippedImports(sources.files, (importPath) => sources.files.has(registryPath(importPath, sources)));
  const key = contentKey(sources, shipped);
  let image = compiled.get(key);
  if (!image) {
    image = compileOnce(sources, shipped, key);
    compiled.set(key, image);
    image.catch(() => compiled.delete(key));
  }
  return image;
}

const compiled = new Map<string, Promise<Uint8Array>>();

async function compileOnce(sources: ProtoSources, shipped: Map<string, string>, key: string): Promise<Uint8Array> {
  const cached = join(cacheDir(), "proto", `${key}.binpb`);
  try {
    return readFileSync(cached);
  } catch {
    // not cached yet
  }
  const work = mkdtempSync(join(tmpdir(), "charter-buf-"));
  try {
    writeFileSync(join(work, "buf.yaml"), buildConfig(sources.layout, shipped.size > 0));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(work, path)), { recursive: true });
      writeFileSync(join(work, path), text);
    };
    for (const [path, text] of sources.files) write(path, text);
    for (const [path, text] of shipped) write(`${SHIPPED_ROOT}/${path}`, text);
    const image = await runBuf(work, sources);
    try {
      mkdirSync(dirname(cached), { recursive: true });
      // write then rename, so a concurrent run never reads half an image
      writeFileSync(`${cached}.${process.pid}`, image);
      renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // a read-only cache only costs speed
    }
    return image;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface BufError {
  path?: string;
  start_line?: number;
  start_column?: number;
  message?: string;
}

function runBuf(work: string, sources: ProtoSources): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(bufBinary(), ["build", work, "-o", "-#format=binpb", "--error-format=json"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, BUF_CACHE_DIR: join(cacheDir(), "buf") },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new InputError(`cannot run buf: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      reject(bufFailure(Buffer.concat(err).toString("utf8"), work, sources));
    });
  });
}

/** Turns buf's first diagnostic into an error naming the registry file, line and column. */
function bufFailure(stderr: string, work: string, sources: ProtoSources): InputError {
  for (const line of stderr.split("\n")) {
    let diagnostic: BufError;
    try {
      diagnostic = JSON.parse(line) as BufError;
    } catch {
      continue;
    }
    if (!diagnostic.message) continue;
    const file = diagnostic.path ? registryPath(diagnostic.path.replace(`${work}/`, ""), sources) : undefined;
    // Quote the offending line: buf's "imported file does not exist" does not say which import.
    const source = file && diagnostic.start_line ? sources.files.get(file)?.split("\n")[diagnostic.start_line - 1]?.trim() : undefined;
    const message = source ? `${diagnostic.message}: ${source}` : diagnostic.message;
    return new InputError(message, file && joinPath(sources.base, file), diagnostic.start_line, diagnostic.start_column);
  }
  const text = stderr.replaceAll(`${work}/`, "").trim().split("\n")[0] || "buf build failed";
  return new InputError(text.replace(/^Failure: /, ""), sources.base || undefined);
}

/** The registry path of a file buf names by its import path (relative to one of the module roots). */
export function registryPath(importPath: string, sources: Pick<ProtoSources, "files" | "layout">): string {
  if (sources.files.has(importPath)) return importPath;
  for (const root of sources.layout.roots) {
    const candidate = root === "." ? importPath : `${root}/${importPath}`;
    if (sources.files.has(candidate)) return candidate;
  }
  return importPath;
}
