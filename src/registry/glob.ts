import picomatch from "picomatch";

/** Compiled once per glob: settings are looked up for every contract against every glob. */
const matchers = new Map<string, (path: string) => boolean>();

/**
 * Whether a registry-relative path matches a glob of charter.yaml, `--path` or `--exclude-path`,
 * written as buf and Spectral configs write them: `**` spans folders, `*` and `?` do not, braces
 * (`**\/*.{yaml,yml}`) and classes (`orders/[a-c]*.proto`) work. Names starting with a dot match
 * like any other: a registry's files are all contracts, none hidden.
 */
export function matchesGlob(path: string, glob: string): boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    matcher = picomatch(glob, { dot: true });
    matchers.set(glob, matcher);
  }
  return matcher(path);
}
