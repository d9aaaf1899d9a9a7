import { posix } from "node:path";
import { InputError } from "../errors.js";
import { joinPath } from "../registry/snapshot.js";
import { parseYamlSource, type YamlSource } from "../registry/yaml-source.js";
import { PlaceMap } from "./place-map.js";
import { child, segmentsOf, type SchemaPointer, type SchemaSource } from "./schema-pointer.js";

/** Where the schemas of one registry version come from, and each of its YAML/JSON files parsed at most once. */
export interface RegistrySchemas extends SchemaSource {
  /** Refuses, at file:line:col, a `$ref` of the file that leaves the registry, leads nowhere or goes round a cycle. */
  checkRefs(file: string): void;
  /** A registry file parsed with positions (on first use), or undefined when the version has no such file. */
  source(file: string): YamlSource | undefined;
}

/**
 * A SchemaSource over the YAML/JSON files of one registry version. Files are parsed on first use;
 * `$ref`s resolve inside the document or to files of the registry, never to the network.
 */
export function createSchemaSource(files: Map<string, string>, base: string): RegistrySchemas {
  const parsed = new Map<string, YamlSource>();
  const display = (file: string) => joinPath(base, file);
  const document = (file: string): YamlSource | undefined => {
    let doc = parsed.get(file);
    if (!doc) {
      const text = files.get(file);
      if (text === undefined) return undefined;
      doc = parseYamlSource(display(file), text);
      parsed.set(file, doc);
    }
    return doc;
  };
  const location = (at: SchemaPointer) => {
    const doc = document(at.file);
    const { line, column } = doc ? doc.position(segmentsOf(at.pointer)) : { line: 1, column: 1 };
    return { file: at.file, line, column };
  };
  const fail = (message: string, at: SchemaPointer): never => {
    const { line, column } = location(at);
    throw new InputError(message, display(at.file), line, column);
  };
  /** Where a `$ref` found at `from` points. */
  const target = (ref: string, from: SchemaPointer): SchemaPointer => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) fail(`remote $ref "${ref}" is not followed: charter reads nothing from the network`, from);
    const [path, fragment = ""] = ref.split("#", 2);
    const decode = (text: string, how: (text: string) => string): string => {
      try {
        return how(text);
      } catch {
        return fail(`$ref "${ref}" has a malformed percent escape`, from);
      }
    };
    const file = path === "" ? from.file : posix.normalize(posix.join(posix.dirname(from.file), decode(path, decodeURI)));
    if (file.startsWith("../") || posix.isAbsolute(file)) fail(`$ref "${ref}" leaves the registry`, from);
    if (!files.has(file)) fail(`$ref "${ref}" names a file that does not exist`, from);
    const pointer = decode(fragment, decodeURIComponent);
    if (pointer !== "" && !pointer.startsWith("/")) fail(`$ref "${ref}" names an anchor: charter follows JSON pointers (#/...) only`, from);
    return { file, pointer };
  };
  // Comparisons resolve the same places over and over (a component used by every operation).
  const resolved = new PlaceMap<{ value: unknown; at: SchemaPointer }>();
  const resolving = new PlaceMap<true>();
  const resolve = (start: SchemaPointer): { value: unknown; at: SchemaPointer } => {
    let result = resolved.get(start);
    if (result) return result;
    const value = locate(start);
    // Only a `$ref` leads on, and so only a `$ref` can go round a cycle: most places are no `$ref`.
    if (isRef(value)) {
      if (resolving.get(start)) fail(`$ref cycle through "${start.file}#${start.pointer}" that never reaches a schema`, start);
      resolving.set(start, true);
      result = deref(value, start);
      resolving.delete(start);
    } else result = { value, at: start };
    resolved.set(start, result);
    return result;
  };
  // A JSON pointer walks the document as written (a `$ref` on the way is a key like any other);
  // each place is found from its parent's, so every step of every pointer is walked once.
  const located = new PlaceMap<unknown>();
  const lookup = (at: SchemaPointer): unknown => {
    let value = located.get(at);
    if (value !== undefined) return value;
    if (at.pointer === "") value = document(at.file)?.value;
    else {
      const cut = at.pointer.lastIndexOf("/");
      const parent = lookup({ file: at.file, pointer: at.pointer.slice(0, cut) });
      const [segment] = segmentsOf(at.pointer.slice(cut));
      // Own keys only: `constructor` or `__proto__` is a key like any other, not a JavaScript built-in.
      value = parent !== null && typeof parent === "object" && Object.hasOwn(parent, segment) ? (parent as Record<string, unknown>)[segment] : MISSING;
    }
    located.set(at, value);
    return value;
  };
  const locate = (at: SchemaPointer): unknown => {
    const value = lookup(at);
    return value === MISSING ? fail(`"${at.file}#${at.pointer}" does not exist`, at) : value;
  };
  /** Where a `$ref` at `here` leads; one that points nowhere is reported where it is written, whole. */
  const follow = (ref: string, here: SchemaPointer): SchemaPointer => {
    const to = target(ref, here);
    if (lookup(to) === MISSING) fail(`$ref "${ref}" points to nothing: ${display(to.file)} has no ${to.pointer ? `"#${to.pointer}"` : "document"}`, here);
    return to;
  };
  const deref = (value: unknown, here: SchemaPointer): { value: unknown; at: SchemaPointer } =>
    isRef(value) ? resolve(follow(value.$ref, here)) : { value, at: here };
  const checked = new Set<string>();
  /**
   * Every `$ref` of a document, and of the files its `$ref`s lead to, must stay in the registry and
   * lead somewhere (not round a cycle of $refs): checked up front, so the error does not depend on
   * which schemas a comparison visits, nor on the command.
   */
  const checkRefs = (file: string): void => {
    if (checked.has(file)) return;
    checked.add(file);
    const reached = new Set<string>();
    // One path, pushed and popped as the walk goes: a pointer is built only for the $refs found, and
    // a $ref is followed from the value in hand rather than looked up again by its pointer.
    const path: string[] = [];
    const here = (): SchemaPointer => child({ file, pointer: "" }, ...path);
    const walk = (value: unknown, data: boolean): void => {
      if (value === null || typeof value !== "object") return;
      // Resolved, not only followed: a chain of $refs that comes back to itself is refused here, before a parser loops on it.
      if (isRef(value)) {
        const to = follow(value.$ref, here());
        resolve(to);
        reached.add(to.file);
      } else if (!data && Object.hasOwn(value, "$ref") && !NAME_MAPS.has(path[path.length - 1])) {
        fail(`$ref must be a string (a URI reference), not ${kindOf((value as { $ref: unknown }).$ref)}`, here());
      }
      for (const key in value) {
        path.push(key);
        walk((value as Record<string, unknown>)[key], data || DATA_KEYS.has(key));
        path.pop();
      }
    };
    walk(document(file)?.value, false);
    for (const other of reached) checkRefs(other);
  };
  return { resolve, location, checkRefs, source: document };
}

/** Keys whose entries are named by the user: a property may be called `$ref`. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas"]);
/** Keys whose values are data (instances, not schemas): any key goes there. */
export const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);

const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`);

/** What a pointer that leads nowhere finds. */
const MISSING = Symbol("missing");

export function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string";
}
