import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Node, type Pair, type YAMLMap } from "yaml";
import { InputError } from "../errors.js";

/** A YAML (or JSON) file parsed with the positions of its nodes, so errors can name line and column. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at a JSON pointer's segments; of its key when `key` is set. */
  position(segments: string[], key?: boolean): { line: number; column: number };
}

/**
 * How many nodes aliases may add to a document once expanded. Contracts rarely use aliases at all;
 * a "billion laughs" file adds hundreds of millions, which every later walk would visit.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

type Fail = (message: string, offset: number) => never;

/** How often each file (as displayed) was parsed in this process: `--verbose` prints it, and a test holds every command to one parse a file. */
const parses = new Map<string, number>();
export const parseCounts = (): ReadonlyMap<string, number> => parses;

/**
 * Parses with the `yaml` package under the YAML 1.2 core schema, merge keys (`<<`) included. The
 * document's nodes are kept: positions are looked up in them only for the few places a report names.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  parses.set(file, (parses.get(file) ?? 0) + 1);
  // Lines are counted only when a place is named, not during the parse.
  let lines: LineCounter | undefined;
  const linePos = (offset: number) => {
    if (!lines) {
      lines = new LineCounter();
      lines.addNewLine(0);
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
    }
    return lines.linePos(offset);
  };
  const fail: Fail = (message, offset) => {
    const { line, col } = linePos(offset);
    throw new InputError(message, file, line, col);
  };
  // Unique keys are checked while the value is built: the package's check is quadratic in a
  // mapping's size (a spec's 5,000 paths). logLevel "silent": it would print warnings to the console.
  const doc = parseDocument(text, { schema: "core", merge: true, uniqueKeys: false, prettyErrors: false, logLevel: "silent" });
  // Warnings are unresolved tags and the like: the document would not mean what it says.
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem) fail(problem.message, problem.pos[0]);
  const aliases = new Map<Alias, Node>();
  const value = valueOf(doc.contents, aliases, fail);
  const keys = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, name: string): Pair | undefined => {
    let index = keys.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = keyOf(pair.key);
        if (key !== undefined) index.set(key, pair);
      }
      keys.set(map, index);
    }
    return index.get(name);
  };
  const position = (segments: string[], key = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const [i, segment] of segments.entries()) {
      if (isAlias(node)) node = aliases.get(node);
      let found: { key?: unknown; value: unknown } | undefined;
      if (isMap(node)) found = pairOf(node, segment);
      else if (isSeq(node)) found = { value: node.items[Number(segment)] };
      if (found?.value === undefined) break;
      offset = key && i === segments.length - 1 && found.key ? startOf(found.key) : valueStart(text, found.key, found.value);
      node = found.value;
    }
    const { line, col } = linePos(offset);
    return { line, column: col };
  };
  return { file, value, position };
}

/** A mapping key as the parsed value names it: keys become strings (null becomes "", as `toJS` makes it). */
function keyOf(key: unknown): string | undefined {
  return isScalar(key) && typeof key.value !== "symbol" ? String(key.value ?? "") : undefined;
}

function startOf(node: unknown): number {
  return (node as Node | null)?.range?.[0] ?? 0;
}

/**
 * Where a reader finds a value: a mapping at its first key; anything else of a mapping right after
 * its key's colon (a block sequence: on the key's line, where it is named).
 */
function valueStart(text: string, key: unknown, value: unknown): number {
  if (isMap(value) && value.items.length) return startOf(value.items[0].key);
  const end = (key as Node | undefined)?.range?.[1];
  if (end === undefined) return startOf(value);
  let offset = end;
  while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
  if (text[offset] !== ":") return startOf(value);
  offset++;
  while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
  return offset;
}

/**
 * The plain value of a document, as `Document.toJS` makes it (keys become strings, merge keys
 * merge) but in one pass that also resolves aliases: `toJS` walks the whole document for each
 * alias, quadratic on documents with thousands. An alias shares its anchor's value, as js-yaml did;
 * what aliases add once expanded is counted and bounded, and an alias inside its own anchor's node
 * (a value containing itself) is refused. `aliases` receives the node each alias stands for.
 */
function valueOf(root: unknown, aliases: Map<Alias, Node>, fail: Fail): unknown {
  // By name, the last node marked so far, as YAML resolves an alias.
  const anchors = new Map<string, Node>();
  const done = new Map<Node, { value: unknown; size: number }>();
  let added = 0;
  /** A node's value and its size once expanded, in nodes. */
  const convert = (node: unknown): { value: unknown; size: number } => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const at = startOf(node);
      if (!target) return fail(`alias *${node.source} has no anchor &${node.source} before it`, at);
      const result = done.get(target);
      if (!result) return fail(`alias *${node.source} is inside the node its anchor &${node.source} marks: a cycle`, at);
      aliases.set(node, target);
      added += result.size;
      if (added > MAX_ALIAS_EXPANSION) fail(`aliases expand this document by more than ${MAX_ALIAS_EXPANSION} nodes: refused as a possible "billion laughs" attack`, at);
      return result;
    }
    const anchor = (node as Node | null)?.anchor;
    if (anchor) anchors.set(anchor, node as Node);
    let result: { value: unknown; size: number };
    if (isSeq(node)) {
      const value: unknown[] = [];
      let size = 1;
      for (const item of node.items) {
        const entry = convert(item);
        value.push(entry.value);
        size += entry.size;
      }
      result = { value, size };
    } else if (isMap(node)) {
      const value: Record<string, unknown> = {};
      const written = new Set<string>();
      let size = 1;
      for (const { key, value: item } of node.items) {
        if (isScalar(key) && typeof key.value === "symbol") {
          // `<<: *base` or `<<: [*a, *b]`: keys the mapping does not set itself, the first source first.
          for (const source of isSeq(item) ? item.items : [item]) {
            const entry = convert(source);
            if (entry.value === null || typeof entry.value !== "object" || Array.isArray(entry.value)) fail("a merge key (<<) takes a mapping or a list of mappings", startOf(source));
            for (const [name, merged] of Object.entries(entry.value as Record<string, unknown>)) if (!Object.hasOwn(value, name)) define(value, name, merged);
            size += entry.size;
          }
          continue;
        }
        const name = keyOf(key);
        if (name === undefined) fail("a mapping key must be a scalar", startOf(key));
        if (written.has(name)) fail(`key "${name}" appears twice in this mapping`, startOf(key));
        written.add(name);
        const entry = convert(item);
        define(value, name, entry.value);
        size += entry.size;
      }
      result = { value, size };
    } else {
      const scalar = isScalar(node) ? node.value : null;
      result = { value: typeof scalar === "bigint" ? Number(scalar) : scalar, size: 1 };
    }
    if (anchor) done.set(node as Node, result);
    return result;
  };
  return convert(root).value;
}

/** Sets a key, `__proto__` included, as an own property of a plain object. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
