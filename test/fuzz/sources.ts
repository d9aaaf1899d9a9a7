import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { ROOT } from "../helpers/cli.js";

/** An unmutated registry the fuzzer starts from, and the files in it that mutations may touch. */
export interface Source {
  name: string;
  /** Read on first use: a Stripe spec is megabytes, and most runs never pick it. */
  files(): Map<string, Buffer>;
  targets(): string[];
}

/** Sources chosen together, with the share of mutants they get. */
export interface Group {
  name: string;
  weight: number;
  sources: Source[];
}

/** Which inputs a run draws from: `quick` for npm test, `full` for npm run fuzz. */
export type Profile = "quick" | "full";

/** Where the corpora are; a missing one is left out (the caller says so). */
export interface CorpusDirs {
  asyncapi?: string;
  stripe?: string;
}

function readTree(dir: string, keep: (path: string) => boolean = () => true): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const path = entry.split(sep).join("/");
    if (keep(path) && statSync(join(dir, entry)).isFile()) files.set(path, readFileSync(join(dir, entry)));
  }
  return files;
}

function source(name: string, load: () => Map<string, Buffer>, targets?: (files: Map<string, Buffer>) => string[]): Source {
  let files: Map<string, Buffer> | undefined;
  const get = () => (files ??= load());
  return { name, files: get, targets: () => (targets ? targets(get()) : [...get().keys()]) };
}

const CONTRACT = /\.(proto|ya?ml|json)$/;

/**
 * The example registry: whole, or cut into its top-level folders each with charter.yaml (a
 * mutant of one folder does not pay for generating SDKs of the others).
 */
function example(slices: boolean): Source[] {
  const dir = join(ROOT, "contracts");
  if (!slices) return [source("example", () => readTree(dir, (path) => CONTRACT.test(path)))];
  const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
  return folders.map((folder) =>
    source(`example/${folder}`, () => readTree(dir, (path) => CONTRACT.test(path) && (path === "charter.yaml" || path.startsWith(`${folder}/`)))),
  );
}

/**
 * Each example document of the AsyncAPI specification as a registry of its own. charter reads
 * AsyncAPI 2.x, 3.0 and 3.1; the quick run takes 2.6 and 3.0 only.
 */
function asyncapiDocuments(dir: string, versions: RegExp): Source[] {
  const documents = [...readTree(dir, (path) => versions.test(path) && /^v[\d.]+\/examples\/[^/]+\.ya?ml$/.test(path)).keys()];
  return documents.map((path) => source(`asyncapi/${path}`, () => new Map([[path.split("/").pop()!, readFileSync(join(dir, path))]])));
}

/** The social-media example: several documents sharing `common/` by relative `$ref`s. */
function asyncapiSocialMedia(dir: string): Source[] {
  return ["v2.6.0", "v3.0.0"].map((version) => {
    const folder = join(dir, version, "examples", "social-media");
    return source(`asyncapi/${version}/social-media`, () => readTree(folder, (path) => /\.ya?ml$/.test(path)));
  });
}

/** Stripe's spec, a few versions: megabytes of OpenAPI. */
function stripe(dir: string): Source[] {
  return ["551", "775", "1200"].map((n) => source(`stripe/${n}`, () => new Map([["stripe.openapi.yaml", readFileSync(join(dir, n, "base.yaml"))]])));
}

export function groups(profile: Profile, dirs: CorpusDirs): Group[] {
  const all: Group[] = [{ name: "example", weight: 5, sources: example(profile === "quick") }];
  if (dirs.asyncapi) all.push({ name: "asyncapi", weight: 5, sources: asyncapiDocuments(dirs.asyncapi, profile === "quick" ? /^v(2\.6|3\.0)\./ : /^v/) });
  if (profile === "full" && dirs.asyncapi) all.push({ name: "social-media", weight: 1, sources: asyncapiSocialMedia(dirs.asyncapi) });
  if (profile === "full" && dirs.stripe) all.push({ name: "stripe", weight: 0.5, sources: stripe(dirs.stripe) });
  return all;
}

