import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { InputError } from "../errors.js";

/** A YAML (or JSON) file parsed with the positions of its nodes, so errors can name line and column. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at a JSON pointer's segments; of its key when `key` is set. */
  position(segments: string[], key?: boolean): { line: number; column: number };
}

/** The parser state js-yaml hands its listener. */
interface ParserState {
  position: number;
  result: unknown;
}

/**
 * Parses with js-yaml (an order of magnitude faster than a full document model on large OpenAPI
 * files) under the YAML 1.2 core schema, and records from the parser's events where each mapping
 * key and value and each sequence item starts, as offsets: line and column are worked out only
 * for the few places a report names.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  // For each mapping: [key, keyOffset, valueOffset, ...]; for each sequence: [itemOffset, ...].
  const layout = new WeakMap<object, unknown[]>();
  // The nodes being composed, as a stack of start offsets, and the finished children of each, flat.
  const starts: number[] = [];
  const bases: number[] = [];
  const childValues: unknown[] = [];
  const childStarts: number[] = [];
  const listener = (event: "open" | "close", state: ParserState): void => {
    if (event === "open") {
      // The parser opens a node before the blanks that precede it on its line.
      let offset = state.position;
      while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
      starts.push(offset);
      bases.push(childValues.length);
      return;
    }
    const start = starts.pop()!;
    const base = bases.pop()!;
    const { result } = state;
    if (result !== null && typeof result === "object" && !layout.has(result)) layout.set(result, describe(result, base));
    childValues.length = base;
    childStarts.length = base;
    // A block sequence entry closes twice (the node, then the entry): keep one.
    const last = childValues.length - 1;
    if (starts.length && !(last >= bases[bases.length - 1] && childValues[last] === result && childStarts[last] === start)) {
      childValues.push(result);
      childStarts.push(start);
    }
  };
  /** A value that is a block mapping "opens" right after its key's colon: place it at its first key. */
  const startOf = (i: number): number => {
    const value = childValues[i];
    const inner = value !== null && typeof value === "object" && !Array.isArray(value) ? layout.get(value) : undefined;
    return inner && inner.length ? (inner[1] as number) : childStarts[i];
  };
  const describe = (result: object, base: number): unknown[] => {
    const entries: unknown[] = [];
    if (Array.isArray(result)) for (let i = base; i < childValues.length; i++) entries.push(startOf(i));
    else for (let i = base; i + 1 < childValues.length; i += 2) entries.push(String(childValues[i]), childStarts[i], startOf(i + 1));
    return entries;
  };
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, listener: listener as never });
  } catch (error) {
    if (error instanceof YAMLException) {
      throw new InputError(error.reason || "invalid YAML", file, error.mark.line + 1, error.mark.column + 1);
    }
    throw error;
  }
  const position = (segments: string[], key = false) => {
    let node: unknown = value;
    let offset = 0;
    for (const [i, segment] of segments.entries()) {
      const entries = node !== null && typeof node === "object" ? layout.get(node) : undefined;
      if (!entries) break;
      let found: number | undefined;
      if (Array.isArray(node)) {
        found = entries[Number(segment)] as number | undefined;
      } else {
        for (let j = 0; j < entries.length; j += 3) {
          if (entries[j] === segment) found = (key && i === segments.length - 1 ? entries[j + 1] : entries[j + 2]) as number;
        }
      }
      if (found === undefined) break;
      offset = found;
      node = (node as Record<string, unknown>)[segment];
    }
    lineStarts ??= linesOf(text);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  let lineStarts: number[] | undefined;
  return { file, value, position };
}

function linesOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
