/** One thing search finds: a contract, operation, RPC, channel, message or field. */
export interface SearchEntry {
  title: string;
  /** What it is: `contract`, `operation`, `rpc`, `message`, `field`… */
  kind: string;
  /** The contract it belongs to (its id), shown under the title. */
  contract: string;
  /** Relative to the site root, with the element's anchor. */
  href: string;
}

/**
 * The search index as a classic script (`window.CHARTER_SEARCH = [...]`): browsers will not fetch
 * a JSON file from `file://`, but they will run a script. Contract text ends up in its strings, so
 * `<`, `>` and `&` are written as `\u003c`-style escapes (no `</script>` or `<!--` can appear), as
 * are U+2028 and U+2029, which end a line in older JavaScript parsers.
 */
export function searchScript(entries: SearchEntry[]): string {
  const json = JSON.stringify(entries)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `window.CHARTER_SEARCH = ${json};\n`;
}
