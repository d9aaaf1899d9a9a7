import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { InputError } from "../errors.js";

/** A YAML (or JSON) file parsed with the positions of its nodes, so errors can name line and column. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at a JSON pointer's segments; of its key when `key` is set. */
  position(segments: string[], key?: boolean): { line: number; column: number };
}

/**
 * How far aliases may multiply a document (the `yaml` package's measure: uses of an anchor times
 * the aliases inside it). Contracts rarely use aliases at all; a "billion laughs" file needs millions.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Parses with the `yaml` package under the YAML 1.2 core schema, merge keys (`<<`) included. The
 * document's nodes are kept: positions are looked up in them only for the few places a report names.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
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
  const fail = (message: string, offset: number): never => {
    const { line, col } = linePos(offset);
    throw new InputError(message, file, line, col);
  };
  // logLevel "silent": a collection used as a key would otherwise print a warning to the console.
  const doc = parseDocument(text, { schema: "core", merge: true, prettyErrors: false, logLevel: "silent" });
  // Warnings are unresolved tags and the like: the document would not mean what it says.
  const [problem] = [...doc.errors, ...doc.warnings];
  if (problem) fail(problem.message, problem.pos[0]);
  // Only a document with an anchor can hold an alias that resolves, so most skip the walk.
  if (ANCHOR.test(text)) rejectAliasCycles(doc, fail);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = firstAlias(doc);
    fail(`aliases multiply this document beyond charter's bound (${MAX_ALIAS_COUNT}): refused as a possible "billion laughs" attack`, alias?.range?.[0] ?? 0);
  }
  const position = (segments: string[], key = false) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const [i, segment] of segments.entries()) {
      if (isAlias(node)) node = node.resolve(doc);
      let found: { key?: unknown; value: unknown } | undefined;
      if (isMap(node)) found = node.items.find((pair) => keyOf(pair.key) === segment);
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

/** An anchor property (`&name`) somewhere in a text: a cheap pre-check, wrong only towards walking. */
const ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/;

/** A mapping key as the parsed value names it: keys become strings, as `toJS` makes them (null becomes ""). */
function keyOf(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value ?? "") : undefined;
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

/** An alias inside the node its anchor marks would make the value contain itself. */
function rejectAliasCycles(doc: Document, fail: (message: string, offset: number) => never): void {
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        // Like Alias.resolve: the last node marked with the name before the alias.
        const target = anchors.get(node.source);
        const [start, , end] = target?.range ?? [0, 0, 0];
        const at = node.range?.[0] ?? 0;
        if (target && start <= at && at < end) fail(`alias *${node.source} is inside the node its anchor &${node.source} marks: a cycle`, at);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
}

function firstAlias(doc: Document): Node | undefined {
  let first: Node | undefined;
  visit(doc, { Alias: (_, node) => { first = node; return visit.BREAK; } });
  return first;
}
