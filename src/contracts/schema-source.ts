import { posix } from "node:path";
import { InputError } from "../errors.js";
import { joinPath } from "../registry/snapshot.js";
import { parseYamlSource, type YamlSource } from "../registry/yaml-source.js";
import { child, segmentsOf, type SchemaPointer, type SchemaSource } from "../compat/schema/source.js";

/**
 * A SchemaSource over the YAML/JSON files of one registry version. Files are parsed on first use;
 * `$ref`s resolve inside the document or to files of the registry, never to the network.
 */
export function createSchemaSource(files: Map<string, string>, base: string, parsed = new Map<string, YamlSource>()): SchemaSource & { checkRefs(file: string): void } {
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
    const file = path === "" ? from.file : posix.normalize(posix.join(posix.dirname(from.file), decodeURI(path)));
    if (file.startsWith("../") || posix.isAbsolute(file)) fail(`$ref "${ref}" leaves the registry`, from);
    if (!files.has(file)) fail(`$ref "${ref}" names a file that does not exist`, from);
    return { file, pointer: decodeURIComponent(fragment) };
  };
  const resolve = (start: SchemaPointer): { value: unknown; at: SchemaPointer } => {
    const seen = new Set<string>();
    let at = start;
    for (;;) {
      let value: unknown = document(at.file)?.value;
      let here: SchemaPointer = { file: at.file, pointer: "" };
      for (const segment of segmentsOf(at.pointer)) {
        // A $ref on the way down (e.g. #/components/x/properties/y through a referenced schema) is followed first.
        ({ value, at: here } = followRefs(value, here, seen));
        if (value === null || typeof value !== "object" || !(segment in value)) fail(`$ref target "${at.file}#${at.pointer}" does not exist`, start);
        value = (value as Record<string, unknown>)[segment];
        here = child(here, segment);
      }
      const ref = isRef(value) ? value.$ref : undefined;
      if (ref === undefined) return { value, at: here };
      const key = `${here.file}#${here.pointer}`;
      if (seen.has(key)) fail(`$ref cycle through "${ref}" that never reaches a schema`, here);
      seen.add(key);
      at = target(ref, here);
    }
  };
  const followRefs = (value: unknown, here: SchemaPointer, seen: Set<string>): { value: unknown; at: SchemaPointer } => {
    if (!isRef(value)) return { value, at: here };
    const key = `${here.file}#${here.pointer}`;
    if (seen.has(key)) fail(`$ref cycle through "${value.$ref}" that never reaches a schema`, here);
    seen.add(key);
    return resolve(target(value.$ref, here));
  };
  /** Every `$ref` of a document must stay in the registry: checked up front, so the error does not depend on which schemas a comparison visits. */
  const checkRefs = (file: string): void => {
    const walk = (value: unknown, at: SchemaPointer): void => {
      if (value === null || typeof value !== "object") return;
      if (isRef(value)) target(value.$ref, at);
      for (const [key, inner] of Object.entries(value)) walk(inner, child(at, key));
    };
    walk(document(file)?.value, { file, pointer: "" });
  };
  return { resolve, location, checkRefs };
}

function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string";
}
