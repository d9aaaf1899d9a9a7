import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.js";

/** The shared corpora folder that CI lays beside the repository. */
export const SHARED_CORPUS = join(ROOT, "..", "shared", "corpus");

/** Copies kept in the repository, each with its upstream LICENSE and a README naming the commit. */
export const VENDORED_CORPUS = join(ROOT, "test", "corpus");

export type CorpusLookup = { dir: string; skip: false } | { dir: undefined; skip: string };

/**
 * Where a corpus is (`buf-breaking`, `real-world/stripe`, ...): `../shared/corpus/NAME` when it is
 * there, else the vendored copy under test/corpus, else a one-line reason to skip. With CI=true a
 * missing corpus is never a skip: the caller's test fails on the thrown error.
 */
export function corpus(name: string): CorpusLookup {
  for (const dir of [join(SHARED_CORPUS, name), join(VENDORED_CORPUS, name)]) {
    if (existsSync(dir)) return { dir, skip: false };
  }
  const reason = `corpus ${name} is not in ../shared/corpus nor vendored in test/corpus`;
  if (process.env.CI === "true") throw new Error(`${reason} (CI=true: a missing corpus fails the run)`);
  return { dir: undefined, skip: `${reason}; skipped outside CI` };
}
