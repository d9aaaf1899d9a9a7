import type { Rng } from "./prng.js";

/** How a file is read: decides which mutations fit it. */
export type FileKind = "yaml" | "json" | "proto";

export function fileKind(path: string): FileKind {
  return path.endsWith(".proto") ? "proto" : path.endsWith(".json") ? "json" : "yaml";
}

export interface Mutated {
  bytes: Buffer;
  /** What was done and where, for the report. */
  detail: string;
  /** Files added beside the mutated one (name relative to its folder). */
  extra?: Record<string, Buffer>;
}

/** One way to damage a file: data (its name, where it applies) plus a small function. */
export interface Mutation {
  name: string;
  kinds: readonly FileKind[];
  /**
   * Whether the mutant still parses as its kind: an error about a file that parses must say
   * where (line:col). Damage that may or may not break parsing says false, and the YAML/JSON
   * reader decides.
   */
  keepsSyntax: boolean;
  /** `file` is the registry-relative path; undefined when the file offers no place for this mutation. */
  apply(bytes: Buffer, rng: Rng, file: string): Mutated | undefined;
}
