import { CORE_SCHEMA, load, YAMLException, type State } from "js-yaml";
import { InputError } from "../errors.js";

/** A YAML (or JSON) file parsed with the positions of its nodes, so errors can name line and column. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the node at a JSON pointer's segments; of its key when `key` is set. */
  position(segments: string[], key?: boolean): { line: number; column: number };
}

interface Place {
  line: number;
  column: number;
}

/** Where the entries of a mapping or sequence are: keys and values by key, items by index. */
interface Entries {
  keys: Map<string, Place>;
  values: Map<string, Place>;
}

interface Frame {
  start: Place;
  children: { value: unknown; start: Place }[];
}

/**
 * Parses with js-yaml (an order of magnitude faster than a full document model on large OpenAPI
 * files) under the YAML 1.2 core schema, and records where each mapping key and sequence item
 * starts from the parser's events, for the few positions a report needs.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const entries = new WeakMap<object, Entries>();
  const stack: Frame[] = [];
  const listener = (event: "open" | "close", state: State & { lineStart: number; kind: string | null; result: unknown }) => {
    if (event === "open") {
      // The parser opens a node before the blanks that precede it on its line.
      let offset = state.position;
      while (text[offset] === " " || text[offset] === "\t") offset++;
      stack.push({ start: { line: state.line + 1, column: offset - state.lineStart + 1 }, children: [] });
      return;
    }
    const frame = stack.pop()!;
    const { result } = state;
    if (result !== null && typeof result === "object" && !entries.has(result)) entries.set(result, index(result, frame, entries));
    const parent = stack[stack.length - 1];
    // A block sequence entry closes twice (the node, then the entry): keep one.
    const last = parent?.children[parent.children.length - 1];
    if (parent && !(last && last.value === result && last.start.line === frame.start.line && last.start.column === frame.start.column)) {
      parent.children.push({ value: result, start: frame.start });
    }
  };
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, json: false, listener: listener as never });
  } catch (error) {
    if (error instanceof YAMLException) {
      throw new InputError(error.reason || "invalid YAML", file, error.mark.line + 1, error.mark.column + 1);
    }
    throw error;
  }
  const position = (segments: string[], key = false): Place => {
    let node: unknown = value;
    let place: Place = { line: 1, column: 1 };
    for (const [i, segment] of segments.entries()) {
      const found = node !== null && typeof node === "object" ? entries.get(node) : undefined;
      if (!found || !found.values.has(segment)) break;
      place = key && i === segments.length - 1 ? found.keys.get(segment)! : found.values.get(segment)!;
      node = (node as Record<string, unknown>)[segment];
    }
    return place;
  };
  return { file, value, position };
}

/**
 * A mapping's children arrive as key, value, key, value; a sequence's as its items. A value that is
 * a block mapping "opens" right after its key's colon, so it is placed at its own first key.
 */
function index(result: object, frame: Frame, known: WeakMap<object, Entries>): Entries {
  const keys = new Map<string, Place>();
  const values = new Map<string, Place>();
  const startOf = (child: { value: unknown; start: Place }): Place => {
    const inner = child.value !== null && typeof child.value === "object" && !Array.isArray(child.value) ? firstKey(child.value) : undefined;
    return inner ?? child.start;
  };
  const firstKey = (object: object): Place | undefined => known.get(object)?.keys.values().next().value;
  if (Array.isArray(result)) {
    frame.children.forEach((child, i) => {
      keys.set(String(i), child.start);
      values.set(String(i), startOf(child));
    });
  } else {
    for (let i = 0; i + 1 < frame.children.length; i += 2) {
      const name = String(frame.children[i].value);
      keys.set(name, frame.children[i].start);
      values.set(name, startOf(frame.children[i + 1]));
    }
  }
  return { keys, values };
}
