import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { Rng } from "./prng.js";

/**
 * Structural mutations edit the parsed document and write it back: the yaml package reads it (merge keys
 * resolved, dates kept as dates so they are written back as dates) and writes shared or cyclic nodes as anchors and aliases, which is how
 * alias bombs and self-anchors are made. Values that the yaml package cannot write as wanted (a 50,000-deep
 * array, the number 1e400) go in as placeholders replaced by literal text afterwards.
 */
export type Tree = Record<string, unknown>;
export type Path = string[];

export interface Located {
  node: Tree;
  path: Path;
}

/** The document, or the reader's error. */
export function parse(text: string, json: boolean): unknown {
  return json ? JSON.parse(text) : parseYaml(text, { merge: true, maxAliasCount: -1 });
}

/** The document's root mapping, or undefined when the text does not parse to one. */
export function load(text: string, json: boolean): Tree | undefined {
  try {
    const tree = parse(text, json);
    return isObject(tree) ? tree : undefined;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Literal texts to splice in where `dump` finds their placeholders. */
export class Literals {
  private readonly texts: string[] = [];

  add(text: string): string {
    this.texts.push(text);
    return `FUZZ_LITERAL_${this.texts.length - 1}`;
  }

  splice(text: string): string {
    return text.replace(/["']?FUZZ_LITERAL_(\d+)["']?/g, (_, i: string) => this.texts[Number(i)]);
  }
}

export function dump(tree: Tree, json: boolean, literals: Literals): string {
  const text = json ? JSON.stringify(tree, null, 2) : stringifyYaml(tree, { lineWidth: 0 });
  return literals.splice(text);
}

/** Sets an own property, even `__proto__`, which plain assignment would take as the prototype. */
export function setKey(node: Tree, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Replaces a key by another in place, keeping the order of the others. */
export function renameKey(node: Tree, from: string, to: string): void {
  const entries = Object.entries(node);
  for (const [key] of entries) delete node[key];
  for (const [key, value] of entries) setKey(node, key === from ? to : key, value);
}

/** Every mapping of the document, depth first, each once (shared nodes are not walked twice). */
function* mappings(root: Tree): Generator<Located> {
  const seen = new Set<unknown>();
  const stack: Array<{ value: unknown; path: Path }> = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (isObject(value)) yield { node: value, path };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
  }
}

/**
 * A mapping chosen uniformly (reservoir sampling: one pass, no list of a Stripe-size document's
 * nodes), among those `keep` accepts.
 */
export function pickMapping(root: Tree, rng: Rng, keep: (located: Located) => boolean = () => true): Located | undefined {
  let chosen: Located | undefined;
  let count = 0;
  for (const located of mappings(root)) {
    if (keep(located) && rng.int(++count) === 0) chosen = located;
  }
  return chosen;
}

/** A mapping that looks like a schema or a reference half of the time, any mapping otherwise. */
export function pickTarget(root: Tree, rng: Rng): Located {
  const schemaLike = ({ node }: Located) => "type" in node || "$ref" in node || "properties" in node;
  return (rng.chance(0.5) && pickMapping(root, rng, schemaLike)) || pickMapping(root, rng)!;
}

/** A key/value pair whose value `test` accepts, chosen uniformly over the document. */
export function pickEntry(root: Tree, rng: Rng, test: (value: unknown, key: string) => boolean): { node: Tree; key: string; path: Path } | undefined {
  let chosen: { node: Tree; key: string; path: Path } | undefined;
  let count = 0;
  for (const { node, path } of mappings(root)) {
    for (const [key, value] of Object.entries(node)) {
      if (test(value, key) && rng.int(++count) === 0) chosen = { node, key, path: [...path, key] };
    }
  }
  return chosen;
}

/** The value at a path of the document. */
export function at(root: Tree, path: Path): unknown {
  let value: unknown = root;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value;
}

/** A JSON pointer as a `$ref` fragment (RFC 6901 escapes; `#` for the root). */
export function pointer(path: Path): string {
  return `#${path.map((key) => `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`;
}

/** Shown in a mutation's description. */
export function showPath(path: Path): string {
  return path.length ? pointer(path).slice(1) : "/";
}

/**
 * Puts a value into the document at a chosen mapping: half the time in place of one of its
 * values, else under a new key. Returns where it went.
 */
export function place(target: Located, rng: Rng, value: unknown, newKey: string): Path {
  const keys = Object.keys(target.node);
  const key = keys.length && rng.chance(0.5) ? rng.pick(keys) : newKey;
  setKey(target.node, key, value);
  return [...target.path, key];
}
