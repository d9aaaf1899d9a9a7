import { constructFromEvents, CORE_SCHEMA, EVENT_ID, getScalarValue, load, mergeTag, parseEvents, SCALAR_STYLE, YAMLException, type Event, type ScalarEvent } from "js-yaml";
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

/** How deep collections may nest: js-yaml's parser recurses, and runs out of stack near 1,600. */
const MAX_DEPTH = 1000;

/** YAML 1.2's core schema, as js-yaml 5 resolves it, with merge keys (`<<`). */
const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

type Fail = (message: string, offset: number) => never;

/** How often each file (as displayed) was parsed in this process: `--verbose` prints it, and a test holds every command to one parse a file. */
const parses = new Map<string, number>();
export const parseCounts = (): ReadonlyMap<string, number> => parses;

/**
 * Parses with js-yaml 5 into its event stream (each node with its offsets in the text), then builds
 * the value from the events. Positions are looked up in the same events, indexed only when a report
 * first names a place. Duplicate keys are refused (by js-yaml, named here), aliases bounded.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  parses.set(file, (parses.get(file) ?? 0) + 1);
  // Lines are counted only when a place is named, not during the parse.
  let lineStarts: number[] | undefined;
  const linePos = (offset: number) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
  const fail: Fail = (message, offset) => {
    const { line, column } = linePos(offset);
    throw new InputError(message, file, line, column);
  };
  let events: Event[];
  try {
    events = firstDocument(parseEvents(text, { filename: file, maxDepth: MAX_DEPTH }));
  } catch (error) {
    throw located(file, error);
  }
  if (events.some((e) => e.type === EVENT_ID.ALIAS)) checkAliases(events, text, fail);
  let documents: unknown[];
  try {
    // Aliases are bounded above, merges included: js-yaml's own merge bound is not needed.
    documents = constructFromEvents(events, { source: text, filename: file, schema: SCHEMA, maxTotalMergeKeys: -1 });
  } catch (error) {
    // Name what js-yaml refused in charter's words where charter knows it: a key written twice.
    if (error instanceof YAMLException) checkKeys(events, text, fail);
    throw located(file, error);
  }
  let index: PositionIndex | undefined;
  const position = (segments: string[], key = false) => {
    index ??= new PositionIndex(events, text);
    let node = index.root;
    let offset = 0;
    for (const [i, segment] of segments.entries()) {
      node = index.target(node);
      const entry = index.entry(node, segment);
      if (!entry) break;
      offset = key && i === segments.length - 1 && entry.key ? entry.key.start : index.valueStart(entry);
      node = entry.value;
    }
    return linePos(offset);
  };
  return { file, value: documents[0] ?? null, position };
}

/** js-yaml's error as charter's, `file:line:col: reason` without the snippet; anything else as it is. */
function located(file: string, error: unknown): unknown {
  if (!(error instanceof YAMLException)) return error;
  return new InputError(error.reason, file, error.mark && error.mark.line + 1, error.mark && error.mark.column + 1);
}

/** Where a node starts: a quoted scalar at its quote, an alias at its `*`. */
function startOf(event: Event): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.SCALAR:
      return quoted(event) ? event.valueStart - 1 : event.valueStart;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return -1;
  }
}

/** The anchor (`&name`) a node is marked with; an alias's name is not one. */
const anchorOf = (event: Event, text: string): string | undefined =>
  event.type !== EVENT_ID.ALIAS && "anchorStart" in event && event.anchorStart >= 0 ? text.slice(event.anchorStart, event.anchorEnd) : undefined;

const quoted = (event: ScalarEvent) => event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;

/**
 * A file of several documents (a Kubernetes manifest beside the contracts) is read as its first,
 * as charter has always read it: what is not a contract is then passed over, not refused.
 */
function firstDocument(events: Event[]): Event[] {
  const second = events.findIndex((e, i) => i > 0 && e.type === EVENT_ID.DOCUMENT);
  return second === -1 ? events : events.slice(0, second);
}

/**
 * What aliases add once expanded, counted as the old reader counted it (values, not keys), and
 * bounded; an alias inside its own anchor's node (a value containing itself) is refused, as is
 * one before its anchor. Sizes are in nodes.
 */
function checkAliases(events: Event[], text: string, fail: Fail): void {
  // By name: the size of the last node marked so far, undefined while that node is still open.
  const anchors = new Map<string, number | undefined>();
  const frames: { size: number; anchor?: string; mapping: boolean; atKey: boolean }[] = [];
  let added = 0;
  const close = (size: number) => {
    const parent = frames.at(-1);
    if (!parent) return;
    if (parent.mapping && parent.atKey) parent.atKey = false;
    else {
      parent.size += size;
      if (parent.mapping) parent.atKey = true;
    }
  };
  for (const event of events) {
    const anchor = anchorOf(event, text);
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (anchor) anchors.set(anchor, undefined);
        frames.push({ size: 1, anchor, mapping: event.type === EVENT_ID.MAPPING, atKey: true });
        break;
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (!frame) break;
        if (frame.anchor) anchors.set(frame.anchor, frame.size);
        close(frame.size);
        break;
      }
      case EVENT_ID.SCALAR:
        if (anchor) anchors.set(anchor, 1);
        close(1);
        break;
      case EVENT_ID.ALIAS: {
        const name = text.slice(event.anchorStart, event.anchorEnd);
        const at = startOf(event);
        if (!anchors.has(name)) fail(`alias *${name} has no anchor &${name} before it`, at);
        const size = anchors.get(name);
        if (size === undefined) fail(`alias *${name} is inside the node its anchor &${name} marks: a cycle`, at);
        added += size;
        if (added > MAX_ALIAS_EXPANSION) fail(`aliases expand this document by more than ${MAX_ALIAS_EXPANSION} nodes: refused as a possible "billion laughs" attack`, at);
        close(size);
        break;
      }
    }
  }
}

/** A mapping key as the value names it: a plain scalar resolved as js-yaml resolves it (`1.0` is "1", `~` is "null"). */
function keyName(text: string, event: ScalarEvent): string {
  const written = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN || event.tagStart >= 0 || !/^(?:[-+.0-9~]|[nN]ull$|NULL$|[tT]rue$|TRUE$|[fF]alse$|FALSE$|$)/.test(written)) return written;
  const value = load(written, { schema: SCHEMA });
  return value === null || typeof value !== "object" ? String(value) : written;
}

/**
 * Keys js-yaml refused, named: the first key written twice in one mapping, a key that is not a
 * scalar, a merge key (`<<`) given a scalar.
 */
function checkKeys(events: Event[], text: string, fail: Fail): void {
  const frames: { keys?: Set<string>; atKey: boolean; merging?: boolean }[] = [];
  const next = () => {
    const parent = frames.at(-1);
    if (parent?.keys) parent.atKey = !parent.atKey;
  };
  for (const event of events) {
    const parent = frames.at(-1);
    const isKey = parent?.keys !== undefined && parent.atKey;
    if (isKey && (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)) fail("a mapping key must be a scalar", startOf(event));
    if (parent?.merging && !isKey && event.type === EVENT_ID.SCALAR) fail("a merge key (<<) takes a mapping or a list of mappings", startOf(event));
    if (isKey && event.type === EVENT_ID.SCALAR) {
      parent.merging = event.style === SCALAR_STYLE.PLAIN && getScalarValue(text, event) === "<<";
      const name = keyName(text, event);
      if (!parent.merging && parent.keys!.has(name)) fail(`key "${name}" appears twice in this mapping`, startOf(event));
      parent.keys!.add(name);
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      next();
      frames.push({ keys: event.type === EVENT_ID.MAPPING ? new Set() : undefined, atKey: true });
    } else if (event.type === EVENT_ID.POP) frames.pop();
    else if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) next();
  }
}

/** A mapping's entry (key and value) or a sequence's item (value alone); nodes are indexes into the events. */
interface Entry {
  key?: { start: number; end: number };
  value: number;
}

/**
 * The document's nodes by key and index, found in the events. A report names a few places of a
 * large document: a collection's entries are indexed when a pointer first goes through it, not
 * every mapping of the document up front.
 */
class PositionIndex {
  /** The root node's event. */
  readonly root: number;
  /** For each collection's event, the index of its closing event. */
  private readonly ends: Int32Array;
  private readonly keys = new Map<number, Map<string, Entry>>();
  private readonly items = new Map<number, number[]>();

  constructor(
    private readonly events: Event[],
    private readonly text: string,
  ) {
    this.ends = new Int32Array(events.length);
    // Run once per document, so mostly by the interpreter: a plain indexed loop, nothing allocated.
    const open = new Int32Array(events.length);
    let depth = 0;
    let root = -1;
    for (let i = 0; i < events.length; i++) {
      const type = events[i].type;
      if (type === EVENT_ID.POP) {
        if (depth > 0) this.ends[open[--depth]] = i;
        continue;
      }
      if (type === EVENT_ID.DOCUMENT) continue;
      if (root === -1) root = i;
      if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) open[depth++] = i;
    }
    this.root = root;
  }

  /** The event after a node and everything in it. */
  private after(node: number): number {
    const type = this.events[node].type;
    return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE ? this.ends[node] + 1 : node + 1;
  }

  /** The children of a collection, in order. */
  private children(node: number): number[] {
    const found: number[] = [];
    for (let at = node + 1; at < this.ends[node]; at = this.after(at)) found.push(at);
    return found;
  }

  /** An alias stands for the node marked with its anchor, the last one so named before it. */
  target(node: number): number {
    const event = this.events[node];
    if (node < 0 || event.type !== EVENT_ID.ALIAS) return node;
    const name = this.text.slice(event.anchorStart, event.anchorEnd);
    for (let at = node - 1; at >= 0; at--) {
      const marked = this.events[at];
      if (marked.type !== EVENT_ID.ALIAS && "anchorStart" in marked && marked.anchorStart >= 0 && anchorOf(marked, this.text) === name) return at;
    }
    return -1;
  }

  entry(node: number, segment: string): Entry | undefined {
    const event = this.events[node];
    if (node < 0) return undefined;
    if (event.type === EVENT_ID.SEQUENCE) {
      let items = this.items.get(node);
      if (!items) this.items.set(node, (items = this.children(node)));
      const item = items[Number(segment)];
      return item === undefined ? undefined : { value: item };
    }
    if (event.type !== EVENT_ID.MAPPING) return undefined;
    let keys = this.keys.get(node);
    if (!keys) this.keys.set(node, (keys = this.mappingKeys(node)));
    return keys.get(segment);
  }

  private mappingKeys(node: number): Map<string, Entry> {
    const keys = new Map<string, Entry>();
    const children = this.children(node);
    for (let i = 0; i + 1 < children.length; i += 2) {
      const key = this.events[children[i]];
      // A key: scalars are named; an alias as a key names nothing a pointer reaches.
      const name = key.type === EVENT_ID.SCALAR ? keyName(this.text, key) : "";
      const start = startOf(key);
      const end = key.type === EVENT_ID.SCALAR ? (quoted(key) ? key.valueEnd + 1 : key.valueEnd) : start;
      // Merged keys are not indexed: a pointer through them lands on the mapping that merges them.
      if (name !== "<<" && !keys.has(name)) keys.set(name, { key: { start, end }, value: children[i + 1] });
    }
    return keys;
  }

  /**
   * Where a reader finds a value: a mapping at its first key; anything else of a mapping right
   * after its key's colon (a block sequence: on the key's line, where it is named).
   */
  valueStart(entry: Entry): number {
    const value = this.events[entry.value];
    if (value.type === EVENT_ID.MAPPING && this.ends[entry.value] > entry.value + 1) return startOf(this.events[entry.value + 1]);
    if (!entry.key) return startOf(value);
    const text = this.text;
    let offset = entry.key.end;
    while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
    if (text[offset] !== ":") return startOf(value);
    offset++;
    while (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9) offset++;
    return offset;
  }
}

const configs = new Map<string, YamlSource>();

/**
 * A small configuration file (charter.yaml, buf.yaml, buf.work.yaml) that several readers of one
 * run consult (lint, the proto checker, the module layout): parsed once per name and content.
 */
export function parseConfigYaml(file: string, text: string): YamlSource {
  const key = `${file}\0${text}`;
  let source = configs.get(key);
  if (!source) {
    source = parseYamlSource(file, text);
    configs.set(key, source);
  }
  return source;
}
