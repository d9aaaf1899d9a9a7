import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir } from "../../cache-dir.js";

/** What validating a document found: nothing, or its first error with a registry-relative place. */
export interface Outcome {
  error?: { file: string; line: number; column: number; message: string };
}

/**
 * Validation results kept per machine, keyed by a hash of everything the result depends on (the
 * parser's version, the document and the files its `$ref`s reach): @asyncapi/parser costs about a
 * second to load and run, and a registry's documents rarely change between two runs.
 */
export function outcomeKey(parserVersion: string, texts: [string, string][]): string {
  const hash = createHash("sha256").update(parserVersion);
  for (const [path, text] of texts) hash.update(`\0${path}\0${text}`);
  return hash.digest("hex");
}

const fileOf = (key: string) => join(cacheDir(), "asyncapi", `${key.slice(0, 32)}.json`);

export function cachedOutcome(key: string): Outcome | undefined {
  try {
    return JSON.parse(readFileSync(fileOf(key), "utf8")) as Outcome;
  } catch {
    return undefined; // not validated on this machine yet, or unreadable
  }
}

export function rememberOutcome(key: string, outcome: Outcome): void {
  const file = fileOf(key);
  try {
    mkdirSync(join(cacheDir(), "asyncapi"), { recursive: true });
    // Written aside and renamed, so a concurrent run never reads half a file.
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(outcome));
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // a read-only cache only costs speed
  }
}
