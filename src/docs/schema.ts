import { child, segmentsOf, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { anchor } from "./ids.js";
import { renderMarkdown } from "./markdown.js";

/**
 * The schema explorer's model: a schema as a tree of nodes, `$ref`s followed and expanded in
 * place (a reader should not have to chase references), each named schema linked to where it is
 * defined, and a recursive schema stopped where it reaches itself again, with a link back.
 */
export interface SchemaNode {
  /** Property name, or what the child is to its parent (`items`, `one of #2`). */
  name?: string;
  /** Deep-link id: on properties (what readers link to) and on the root of each explorer. */
  id?: string;
  /** A short type summary: `string (date-time)`, `array`, `object`. */
  type: string;
  required?: boolean;
  /** Markdown description as safe HTML. */
  description?: string;
  constraints: string[];
  /** The named schema this one is, when it came through a `$ref`. */
  ref?: Link;
  /** Set when the schema is one of its own ancestors: the node stops here. */
  recursive?: Link;
  children: SchemaNode[];
  /** Expanded by default: the first levels, so a page is readable without clicking. */
  open: boolean;
}

export interface Link {
  label: string;
  href: string;
}

export interface ExplorerContext {
  schemas: SchemaSource;
  /** Where a named schema (a `$ref` target) is documented, if anywhere. */
  linkFor(at: SchemaPointer): Link | undefined;
}

const MAX_DEPTH = 12;
const OPEN_DEPTH = 2;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Keywords shown as `keyword: value` under a node, in this order. */
const CONSTRAINTS = [
  "const", "enum", "default", "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
  "readOnly", "writeOnly", "deprecated", "nullable", "x-extensible-enum",
];

const show = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

function typeOf(schema: Record<string, unknown>): string {
  const declared = Array.isArray(schema.type) ? schema.type.join(" | ") : typeof schema.type === "string" ? schema.type : undefined;
  const type = declared ?? (isObject(schema.properties) ? "object" : "items" in schema ? "array" : ["allOf", "oneOf", "anyOf"].find((k) => k in schema) ?? "any");
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

/** The explorer tree of the schema at `at`; `path` names it for the ids of its properties. */
export function explore(ctx: ExplorerContext, at: SchemaPointer, path: string[], name?: string): SchemaNode {
  const id = anchor("schema", ...path);
  return { ...walk(ctx, at, path, name, [], 0, `#${id}`), id };
}

function walk(ctx: ExplorerContext, at: SchemaPointer, path: string[], name: string | undefined, ancestors: string[], depth: number, rootHref: string): SchemaNode {
  const { value, at: where } = ctx.schemas.resolve(at);
  const followed = where.file !== at.file || where.pointer !== at.pointer;
  const ref = followed ? ctx.linkFor(where) : undefined;
  const node: SchemaNode = { name, type: "any", constraints: [], children: [], open: depth < OPEN_DEPTH, ref };
  if (typeof value === "boolean") return { ...node, type: value ? "any" : "nothing (false)" };
  if (!isObject(value)) return node;
  node.type = typeOf(value);
  node.description = renderMarkdown(value.description) ?? (typeof value.title === "string" ? renderMarkdown(value.title) : undefined);
  for (const keyword of CONSTRAINTS) if (keyword in value) node.constraints.push(`${keyword}: ${Array.isArray(value[keyword]) ? (value[keyword] as unknown[]).map(show).join(", ") : show(value[keyword])}`);
  const key = `${where.file}#${where.pointer}`;
  if (ancestors.includes(key)) {
    // Expanding again would never end: point at the enclosing definition instead.
    return { ...node, constraints: [], description: undefined, recursive: ref ?? { label: "the enclosing schema", href: rootHref } };
  }
  if (depth >= MAX_DEPTH) return node;
  const inner = [...ancestors, key];
  const sub = (segments: (string | number)[], label: string, childPath: string[]): SchemaNode =>
    walk(ctx, child(where, ...segments), childPath, label, inner, depth + 1, rootHref);
  if (isObject(value.properties)) {
    const required = new Set(Array.isArray(value.required) ? value.required.map(String) : []);
    for (const prop of Object.keys(value.properties)) {
      const property = sub(["properties", prop], prop, [...path, prop]);
      node.children.push({ ...property, id: anchor("field", ...path, prop), required: required.has(prop) });
    }
  }
  if (isObject(value.additionalProperties)) node.children.push(sub(["additionalProperties"], "additional properties", [...path, "additional"]));
  if (isObject(value.patternProperties)) {
    for (const pattern of Object.keys(value.patternProperties)) node.children.push(sub(["patternProperties", pattern], `properties matching ${pattern}`, [...path, "pattern"]));
  }
  if (Array.isArray(value.prefixItems)) value.prefixItems.forEach((_, i) => node.children.push(sub(["prefixItems", i], `item #${i + 1}`, [...path, `item${i + 1}`])));
  if ("items" in value && (isObject(value.items) || typeof value.items === "boolean")) node.children.push(sub(["items"], "items", [...path, "items"]));
  for (const [keyword, label] of [["allOf", "all of"], ["oneOf", "one of"], ["anyOf", "any of"]] as const) {
    const list = value[keyword];
    // allOf parts describe one object: their properties keep the parent's path, so field ids read naturally.
    if (Array.isArray(list)) list.forEach((_, i) => node.children.push(sub([keyword, i], `${label} #${i + 1}`, keyword === "allOf" ? path : [...path, `${keyword}${i + 1}`])));
  }
  if (isObject(value.not)) node.children.push(sub(["not"], "not", [...path, "not"]));
  return node;
}

/** Every property node (with its id), for the search index. */
export function* fieldsOf(node: SchemaNode): Generator<SchemaNode> {
  if (node.id?.startsWith("field-")) yield node;
  for (const c of node.children) yield* fieldsOf(c);
}

/** The last segment of a pointer into a definitions map (`#/components/schemas/Order` → `Order`). */
export function definitionName(at: SchemaPointer): string | undefined {
  const segments = segmentsOf(at.pointer);
  const parent = segments[segments.length - 2];
  return parent === "schemas" || parent === "$defs" || parent === "definitions" ? segments[segments.length - 1] : undefined;
}
