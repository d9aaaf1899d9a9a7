/** One thing search finds: a contract, operation, RPC, channel, message or field. */
export interface SearchEntry {
  title: string;
  /** What it is: `contract`, `operation`, `rpc`, `message`, `field`… */
  kind: string;
  /** The contract it belongs to (its id), shown under the title. */
  contract: string;
  /** Relative to the site root, with the element's anchor. */
  href: string;
  /** Its description as the page renders it (HTML): its words are searched too. */
  description?: string;
}

/**
 * The search index, split so that no page loads all of it (README.md, "charter docs"). Every file
 * is a classic script calling `CHARTER_SEARCH_LOADED(name, data)`: browsers will not fetch a JSON
 * file from `file://`, but they will run a script the page adds.
 *
 * - `search/manifest.js`: the names of the word shards and how many entries a chunk holds.
 * - `search/w-KEY.js`: the words starting with KEY (their first two characters), each as
 *   `[word, entries whose title holds it, entries whose description does]`, entries by number.
 * - `search/e-N.js`: entries N×CHUNK … as `[title, kind, contract, href]`, for showing results.
 *
 * A query loads the shard of each of its words and the chunks of the results it shows.
 */
export const SEARCH_CHUNK = 500;

/** Description words that would match most of a large API without narrowing anything. */
const STOP_WORDS = new Set("an and are as at be by for from if in into is it of on or that the this to with".split(" "));

/** Words of a text, lowercased; identifiers also give their parts (`price_minor` → `price`, `minor`; `createOrder` → `create`, `order`). */
export function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const word of text.match(/[\p{L}\p{N}_]+/gu) ?? []) {
    words.add(word.toLowerCase());
    for (const part of word.split(/_+|(?<=[\p{Ll}\p{N}])(?=\p{Lu})/u)) if (part) words.add(part.toLowerCase());
  }
  return [...words].filter((w) => w.length > 1);
}

/** The shard a word belongs to; the browser computes the same (site.js, `shardOf`). */
export const shardOf = (word: string): string => [...word.slice(0, 2)].map((c) => (/[a-z0-9]/.test(c) ? c : "_")).join("");

/** Tags out and the entities the renderer writes decoded, so a description is searched by its words. */
const plain = (html: string): string =>
  html.replace(/<[^>]*>/g, " ").replace(/&#x([0-9a-f]+);|&(amp|lt|gt|quot);/gi, (_, hex: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: "&", lt: "<", gt: ">", quot: '"' })[name!.toLowerCase() as "amp"],
  );

/**
 * Contract text ends up in the scripts' strings, so `<`, `>` and `&` are written as `\u003c`-style
 * escapes (no `</script>` or `<!--` can appear), as are U+2028 and U+2029, which end a line in
 * older JavaScript parsers.
 */
const script = (name: string, data: unknown): string =>
  `CHARTER_SEARCH_LOADED(${JSON.stringify(name)}, ${JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")});\n`;

/** The search index's files by site path. */
export function searchFiles(entries: SearchEntry[]): Map<string, string> {
  const shards = new Map<string, Map<string, { t: number[]; d: number[] }>>();
  const post = (word: string, entry: number, where: "t" | "d") => {
    const key = shardOf(word);
    let shard = shards.get(key);
    if (!shard) shards.set(key, (shard = new Map()));
    let postings = shard.get(word);
    if (!postings) shard.set(word, (postings = { t: [], d: [] }));
    const list = postings[where];
    if (list[list.length - 1] !== entry) list.push(entry);
  };
  // Large APIs repeat descriptions (Stripe's fields share a few thousand among ~50,000 entries): each is split once.
  const described = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    const inTitle = new Set(wordsOf(entry.title));
    for (const word of inTitle) post(word, i, "t");
    if (!entry.description) return;
    let words = described.get(entry.description);
    if (!words) described.set(entry.description, (words = wordsOf(plain(entry.description)).filter((word) => !STOP_WORDS.has(word))));
    for (const word of words) if (!inTitle.has(word)) post(word, i, "d");
  });
  const files = new Map<string, string>();
  const keys = [...shards.keys()].sort();
  files.set("search/manifest.js", script("manifest", { shards: keys, chunk: SEARCH_CHUNK, entries: entries.length }));
  for (const key of keys) {
    // Pairs, not an object: a word such as `__proto__` would set the object's prototype in the browser.
    const words = [...shards.get(key)!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([word, { t, d }]) => (d.length ? [word, t, d] : [word, t]));
    files.set(`search/w-${key}.js`, script(`w-${key}`, words));
  }
  for (let start = 0; start < entries.length; start += SEARCH_CHUNK) {
    const chunk = entries.slice(start, start + SEARCH_CHUNK).map((e) => [e.title, e.kind, e.contract, e.href]);
    files.set(`search/e-${start / SEARCH_CHUNK}.js`, script(`e-${start / SEARCH_CHUNK}`, chunk));
  }
  return files;
}
