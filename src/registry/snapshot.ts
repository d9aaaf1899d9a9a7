/**
 * One version of a registry (or of a single contract file), held in memory:
 * the core never reads the file system itself, so tests can build snapshots by hand.
 */
export interface Snapshot {
  /** What the user called it: a folder, a file, or `git:REF`. */
  label: string;
  /** Files by path relative to the registry root, with forward slashes. */
  files: Map<string, string>;
  /** Where the registry root sits relative to the repository root (or cwd), for report locations. */
  base: string;
  /**
   * Set when the input was one contract file rather than a registry: its path among `files`, which
   * then also holds the files of its folder, for the `$ref`s and imports it may use.
   */
  contract?: string;
}

/** Extensions of the files a registry may hold (`.avsc`: Avro schemas an AsyncAPI payload names); everything else is never read. */
export const CONTRACT_FILE = /\.(proto|ya?ml|json|avsc)$/;

export function joinPath(base: string, file: string): string {
  return base === "" || base === "." ? file : `${base}/${file}`;
}
