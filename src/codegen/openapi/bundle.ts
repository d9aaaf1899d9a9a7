import { child, type SchemaPointer } from "../../contracts/schema-pointer.js";
import { isObject } from "../../lint/helpers/yaml.js";
import type { OpenApiContract } from "../../contracts/contract.js";
import { bundledRef, bundleMapping, checkShape, failAt, SchemaBundle, setOwn, type BundleSources } from "../schema-bundle.js";

type Json = Record<string, unknown>;

const PREFIX = "#/components/schemas/";

/** Keys whose values are data, not schemas or objects of the document: copied as they are, `$ref`s in them included. */
const DATA = new Set(["example", "default", "const", "enum", "examples"]);
/** Schema keywords whose values are maps of schemas, whatever their keys are called. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** What a place of the document holds: a schema, a map of schemas by name, or some other object of OpenAPI. */
type Position = "schema" | "schemas" | "other";

/**
 * The contract's document made self-contained from the registry snapshot, for openapi-typescript:
 * `$ref`s within the document stay as written; a schema another file of the registry holds becomes
 * a component schema of its own (under a name no component has), and any other object another
 * file holds (a parameter, a response, a path item) is copied where it is referenced. Every `$ref`
 * is checked on the way: one that leaves the registry, points nowhere, goes round in a circle or
 * names the whole document stops generation at its line.
 */
export function bundleOpenApi(contract: OpenApiContract, display: (file: string) => string): Json {
  const root = contract.document.file;
  const sources: BundleSources = { schemas: contract.schemas, display };
  const components = isObject(contract.document.root.components) ? contract.document.root.components : {};
  const schemaNames = isObject(components.schemas) ? Object.keys(components.schemas) : [];
  const bundle = new SchemaBundle(sources, {
    reserved: schemaNames,
    // A schema of this document, reached from another file, is referenced where it is.
    named: (at) => (at.file === root ? `#${at.pointer}` : undefined),
  });
  const inlining: string[] = [];

  const copy = (value: unknown, at: SchemaPointer, position: Position): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => copy(item, child(at, i), position === "schemas" ? "schema" : position));
    if (!isObject(value)) return value;
    if (typeof value.$ref === "string") {
      const target = contract.schemas.resolve(at);
      if (target.at.file === root && target.at.pointer === "") failAt(sources, "$ref points at the whole OpenAPI document, not at a schema or an object of it", child(at, "$ref"));
      if (at.file === root && value.$ref.startsWith("#")) return copyMembers(value, at, position);
      if (position === "schema") return { ...copyMembers(value, at, position), $ref: bundledRef(bundle.ref(at), PREFIX) };
      if (target.at.file === root) return { ...copyMembers(value, at, position), $ref: `#${target.at.pointer}` };
      // Another file's parameter, response or path item is copied in place; it may not contain itself.
      const key = `${target.at.file}#${target.at.pointer}`;
      if (inlining.includes(key)) failAt(sources, `$ref cycle through ${display(target.at.file)}#${target.at.pointer} outside a schema`, child(at, "$ref"));
      inlining.push(key);
      const inlined = copy(target.value, target.at, position);
      inlining.pop();
      const siblings = copyMembers(value, at, position);
      delete siblings.$ref;
      return isObject(inlined) ? { ...inlined, ...siblings } : inlined;
    }
    return copyMembers(value, at, position);
  };

  const copyMembers = (value: Json, at: SchemaPointer, position: Position): Json => {
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      if (position === "schema") checkShape(sources, key, item, child(at, key));
      const inner = position === "schemas" ? "schema" : childPosition(position, key, at, root);
      setOwn(out, key, inner === undefined ? structuredClone(item) : copy(item, child(at, key), inner));
    }
    if (position === "schema") bundleMapping(value, out, (name) => PREFIX + name);
    return out;
  };

  const document = copy(contract.document.root, { file: root, pointer: "" }, "other") as Json;
  const bundled = bundle.render(PREFIX);
  if (Object.keys(bundled).length) {
    const outComponents = isObject(document.components) ? document.components : {};
    document.components = { ...outComponents, schemas: { ...(isObject(outComponents.schemas) ? outComponents.schemas : {}), ...bundled } };
  }
  return document;
}

/** The position of a member; undefined for data and extensions, which are copied as they are. */
function childPosition(position: Position, key: string, at: SchemaPointer, root: string): Position | undefined {
  if (key.startsWith("x-")) return undefined;
  if (position === "schema") return DATA.has(key) ? undefined : SCHEMA_MAPS.has(key) ? "schemas" : "schema";
  if (key === "example") return undefined;
  if (key === "schema") return "schema";
  if (key === "schemas" && at.file === root && at.pointer === "/components") return "schemas";
  return "other";
}
