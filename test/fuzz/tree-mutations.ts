import { basename } from "node:path";
import { fileKind, type FileKind, type Mutated, type Mutation } from "./mutation.js";
import type { Rng } from "./prng.js";
import { Literals, at, dump, isObject, load, pickEntry, pickMapping, pickTarget, place, pointer, renameKey, setKey, showPath, type Tree } from "./tree.js";

/** Mutations of a YAML or JSON document's structure: they keep it parseable, so errors must say where. */

/** Edits the parsed document in place; `extra` holds files to add beside it. */
type Edit = (tree: Tree, rng: Rng, literals: Literals, kind: FileKind, file: string) => { detail: string; extra?: Record<string, string> } | undefined;

function structural(name: string, kinds: FileKind[], edit: Edit): Mutation {
  return {
    name,
    kinds,
    keepsSyntax: true,
    apply(bytes, rng, file): Mutated | undefined {
      const kind = fileKind(file);
      const json = kind === "json";
      const tree = load(bytes.toString("utf8"), json);
      if (!tree) return undefined;
      const literals = new Literals();
      const done = edit(tree, rng, literals, kind, file);
      if (!done) return undefined;
      const extra = done.extra && Object.fromEntries(Object.entries(done.extra).map(([path, text]) => [path, Buffer.from(text)]));
      return { bytes: Buffer.from(dump(tree, json, literals)), detail: done.detail, extra };
    },
  };
}

/** A fresh `{ $ref }`; a function, so a document never shares one node between two places by accident. */
const ref = (target: string) => ({ $ref: target });

const DEEP: Record<string, (depth: number) => string> = {
  arrays: (d) => `${"[".repeat(d)}${"]".repeat(d)}`,
  objects: (d) => `${'{"a":'.repeat(d)}1${"}".repeat(d)}`,
  properties: (d) => `${'{"type":"object","properties":{"a":'.repeat(d)}{"type":"string"}${"}}".repeat(d)}`,
  items: (d) => `${'{"type":"array","items":'.repeat(d)}{"type":"string"}${"}".repeat(d)}`,
  allOf: (d) => `${'{"allOf":['.repeat(d)}{"type":"string"}${"]}".repeat(d)}`,
};

/** Numbers at and past the edges of doubles, integers and 32-bit fields. */
const HUGE = ["1e400", "-1e400", "1e308", "9007199254740993", "123456789012345678901234567890123456789", "1e-400", "4.9e-324", "-0", "2147483648", "4294967296", "18446744073709551616"];
const HUGE_YAML_ONLY = [".inf", "-.inf", ".nan", "0x7FFFFFFFFFFFFFFFFFFF", "0o7777777777777777777777777"];
const NUMERIC_KEYS = ["maxLength", "minLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "minProperties", "x-charter-timeout", "version"];

const BAD_ESCAPES = ["#/components/schemas/%E0%A4%A", "#/%ZZ", "#/components/%", "%ff.yaml", "#/paths/%2", "#/%C0%80", "./%00.yaml#/a", "#/components/schemas/%25%", "%E0%80%80.json"];

const REMOTE = [
  "https://example.com/schemas/order.json",
  "http://127.0.0.1:1/x.yaml#/a",
  "http://169.254.169.254/latest/meta-data/",
  "file:///etc/passwd",
  "/etc/passwd",
  "../../../../../../../../etc/passwd#/a",
  "//example.com/x.json",
  "ftp://example.com/a.yaml",
  "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
  "data:application/json,{}",
  "\\\\server\\share\\x.yaml",
  "C:/Windows/win.ini",
  "git:HEAD:contracts/charter.yaml",
];

/** Names that are members of every JavaScript object. */
const PROTO_KEYS = ["__proto__", "hasOwnProperty", "constructor", "toString", "prototype", "valueOf", "__defineGetter__", "isPrototypeOf"];

/** An existing `$ref` half of the time (where refs are resolved), else a new one somewhere. */
function placeRef(tree: Tree, rng: Rng, target: (old?: string) => string): string {
  const existing = rng.chance(0.5) ? pickEntry(tree, rng, (value, key) => key === "$ref" && typeof value === "string") : undefined;
  if (existing) {
    const value = target(existing.node.$ref as string);
    existing.node.$ref = value;
    return `$ref at ${showPath(existing.path)} set to ${JSON.stringify(value)}`;
  }
  const value = target();
  const path = place(pickTarget(tree, rng), rng, ref(value), "x-fuzz-ref");
  return `${showPath(path)} set to {$ref: ${JSON.stringify(value)}}`;
}

export const TREE_MUTATIONS: Mutation[] = [
  structural("alias-bomb", ["yaml"], (tree, rng) => {
    // Nine levels of nine: a few hundred bytes that expand to 387 million strings.
    let value: unknown = "lol";
    for (let level = 0; level < 9; level++) value = Array(9).fill(value);
    const path = place(pickTarget(tree, rng), rng, value, "x-lol");
    return { detail: `billion laughs at ${showPath(path)}` };
  }),
  structural("self-anchor", ["yaml"], (tree, rng) => {
    const { node, path } = pickTarget(tree, rng);
    // The node itself or one of its ancestors: an alias inside its own anchor.
    const depth = rng.int(path.length + 1);
    const ancestor = at(tree, path.slice(0, depth));
    const where = place({ node, path }, rng, ancestor, "x-self");
    return { detail: `${showPath(where)} is an alias of its ancestor ${showPath(path.slice(0, depth))}` };
  }),
  structural("deep-nesting", ["yaml", "json"], (tree, rng, literals) => {
    const shape = rng.pick(Object.keys(DEEP));
    const depth = rng.pick([300, 3000, 30000]);
    const path = place(pickTarget(tree, rng), rng, literals.add(DEEP[shape](depth)), "x-deep");
    return { detail: `${shape} nested ${depth} deep at ${showPath(path)}` };
  }),
  structural("huge-number", ["yaml", "json"], (tree, rng, literals, kind) => {
    const number = rng.pick(kind === "yaml" ? [...HUGE, ...HUGE_YAML_ONLY] : HUGE);
    const existing = rng.chance(0.6) ? pickEntry(tree, rng, (value) => typeof value === "number") : undefined;
    if (existing) {
      setKey(existing.node, existing.key, literals.add(number));
      return { detail: `${showPath(existing.path)} set to ${number}` };
    }
    const target = pickTarget(tree, rng);
    const key = rng.pick(NUMERIC_KEYS);
    setKey(target.node, key, literals.add(number));
    return { detail: `${showPath([...target.path, key])} set to ${number}` };
  }),
  structural("ref-cycle", ["yaml", "json"], (tree, rng, _literals, kind, file) => {
    const variant = rng.pick(["root", "self", "pair", "ancestor", "file"]);
    const first = pickTarget(tree, rng);
    if (variant === "root") {
      const path = place(first, rng, ref("#"), "x-fuzz-ref");
      return { detail: `${showPath(path)} set to {$ref: "#"}` };
    }
    if (first.path.length === 0) return undefined;
    const parent = at(tree, first.path.slice(0, -1)) as Tree;
    const key = first.path[first.path.length - 1];
    if (variant === "self") {
      setKey(parent, key, ref(pointer(first.path)));
      return { detail: `${showPath(first.path)} set to a $ref to itself` };
    }
    if (variant === "ancestor") {
      const ancestor = first.path.slice(0, rng.int(first.path.length));
      const path = place(first, rng, ref(pointer(ancestor)), "x-fuzz-ref");
      return { detail: `${showPath(path)} set to a $ref to its ancestor ${showPath(ancestor)}` };
    }
    if (variant === "pair") {
      const outside = (other: { path: string[] }) => !isPrefix(other.path, first.path) && !isPrefix(first.path, other.path);
      const second = pickMapping(tree, rng, outside);
      if (!second) return undefined;
      const secondParent = at(tree, second.path.slice(0, -1)) as Tree;
      setKey(parent, key, ref(pointer(second.path)));
      setKey(secondParent, second.path[second.path.length - 1], ref(pointer(first.path)));
      return { detail: `${showPath(first.path)} and ${showPath(second.path)} refer to each other` };
    }
    // Through a second file beside this one, which refers back.
    const other = `fuzz-loop.${kind === "json" ? "json" : "yaml"}`;
    setKey(parent, key, ref(`./${other}#/loop`));
    return {
      detail: `${showPath(first.path)} refers to ${other}#/loop, which refers back`,
      extra: { [other]: JSON.stringify({ loop: ref(`./${basename(file)}${pointer(first.path)}`) }) },
    };
  }),
  structural("bad-escape", ["yaml", "json"], (tree, rng) => ({
    detail: placeRef(tree, rng, (old) => (old && rng.chance(0.5) ? `${old}%${rng.pick(["ZZ", "E0%A4", "", "C0%AF", "FF"])}` : rng.pick(BAD_ESCAPES))),
  })),
  structural("remote-ref", ["yaml", "json"], (tree, rng) => ({ detail: placeRef(tree, rng, () => rng.pick(REMOTE)) })),
  structural("prototype-keys", ["yaml", "json"], (tree, rng) => {
    const name = rng.pick(PROTO_KEYS);
    const variant = rng.pick(["add", "rename", "ref"]);
    const target = pickTarget(tree, rng);
    const keys = Object.keys(target.node);
    if (variant === "rename" && keys.length) {
      const from = rng.pick(keys);
      renameKey(target.node, from, name);
      return { detail: `key ${showPath([...target.path, from])} renamed to ${name}` };
    }
    if (variant === "ref") return { detail: placeRef(tree, rng, () => rng.pick([`#/components/schemas/${name}`, `#/${name}`, `#/${name}/${rng.pick(PROTO_KEYS)}`, `#/channels/${name}`])) };
    const sibling = keys.length ? target.node[rng.pick(keys)] : undefined;
    const value = rng.pick([{ type: "string" }, "x", {}, isObject(sibling) ? structuredClone(sibling) : 1]);
    setKey(target.node, name, value);
    return { detail: `key ${name} added at ${showPath(target.path)}` };
  }),
];

function isPrefix(prefix: string[], path: string[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}
