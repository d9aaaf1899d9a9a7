import { child, segmentsOf, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { anchor, subAnchor } from "./ids.js";
import { renderMarkdown } from "./markdown.js";
import { resolveWritten } from "./resolve-written.js";

/**
 * The schema explorer's model: a schema as a tree of nodes. A `$ref` is not expanded where it is
 * used: it becomes a node linking to where its target is rendered (page-schemas.ts), which the
 * browser expands on demand, so each schema is rendered once however often it is used.
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
  /** The schema this one is, rendered elsewhere on the page: set on the nodes of `$ref`s, which have no children of their own. */
  ref?: Link;
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
  /** Where the schema at `at` (a `$ref`'s target) is rendered on the page. */
  linkFor(at: SchemaPointer): Link;
  /** Where an explorer of the place `at` was rendered before on the page; if nowhere, records `link` as its place. */
  placedAt(at: SchemaPointer, link: Link): Link | undefined;
}

/** Inline schemas nest as deep as their document does; past this the node is summarised. */
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

function typeOf(schema: unknown): string {
  if (typeof schema === "boolean") return schema ? "any" : "nothing (false)";
  if (!isObject(schema)) return "any";
  const declared = Array.isArray(schema.type) ? schema.type.join(" | ") : typeof schema.type === "string" ? schema.type : undefined;
  const type = declared ?? (isObject(schema.properties) ? "object" : "items" in schema ? "array" : ["allOf", "oneOf", "anyOf"].find((k) => k in schema) ?? "any");
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

/**
 * The explorer tree of the schema at `at`; `path` names it for the ids of its properties. A place
 * explored before on the page (a shared response's schema) links to its first rendering, unless
 * this is the rendering of the page's schema section itself (`definition`).
 */
export function explore(ctx: ExplorerContext, at: SchemaPointer, path: string[], name?: string, definition = false): SchemaNode {
  const id = anchor("schema", ...path);
  const before = definition ? undefined : ctx.placedAt(at, { label: path.join(" "), href: `#${id}` });
  if (before) return { name, id, type: typeOf(ctx.schemas.resolve(at).value), constraints: [], children: [], open: false, ref: before };
  const root = walk(ctx, at, ctx.schemas.resolve(at), anchor("field", ...path), name, 0);
  root.id = id;
  return root;
}

/**
 * The node of the schema written at `at`, which `resolved` is (the schema itself, or a `$ref`'s
 * target); `fields` is `anchor("field", ...path)`, which its properties' ids extend.
 */
function walk(ctx: ExplorerContext, at: SchemaPointer, resolved: { value: unknown; at: SchemaPointer }, fields: string, name: string | undefined, depth: number): SchemaNode {
  const { value, at: where } = resolved;
  const node: SchemaNode = { name, type: typeOf(value), constraints: [], children: [], open: depth < OPEN_DEPTH };
  // A `$ref` is a link: its target is rendered once, in the page's schema section.
  // At the root (a payload, a body), the reader sees it opened, once it scrolls into view (site.js).
  if (where.file !== at.file || where.pointer !== at.pointer) {
    node.open = depth === 0;
    node.ref = ctx.linkFor(where);
    return node;
  }
  if (!isObject(value)) return node;
  node.description = renderMarkdown(value.description) ?? (typeof value.title === "string" ? renderMarkdown(value.title) : undefined);
  for (const keyword of CONSTRAINTS) if (keyword in value) node.constraints.push(`${keyword}: ${Array.isArray(value[keyword]) ? (value[keyword] as unknown[]).map(show).join(", ") : show(value[keyword])}`);
  if (depth >= MAX_DEPTH) return node;
  const sub = (written: unknown, segments: (string | number)[], label: string, childFields: string): SchemaNode => {
    const childAt = child(where, ...segments);
    return walk(ctx, childAt, resolveWritten(ctx.schemas, childAt, written), childFields, label, depth + 1);
  };
  // allOf parts describe one object: their properties are shown merged with the schema's own, as one list.
  const merged = mergedAllOf(ctx.schemas, resolved);
  if (merged.from.length) {
    node.constraints.push(`merged from: ${merged.from.join(", ")}`);
    if (node.type === "allOf") node.type = "object";
  }
  for (const [prop, { at: propAt, written, required }] of merged.properties) {
    const id = subAnchor(fields, prop);
    const property = walk(ctx, propAt, resolveWritten(ctx.schemas, propAt, written), id, prop, depth + 1);
    property.id = id;
    property.required = required;
    node.children.push(property);
  }
  if (isObject(value.additionalProperties)) node.children.push(sub(value.additionalProperties, ["additionalProperties"], "additional properties", subAnchor(fields, "additional")));
  if (isObject(value.patternProperties)) {
    for (const pattern of Object.keys(value.patternProperties)) node.children.push(sub(value.patternProperties[pattern], ["patternProperties", pattern], `properties matching ${pattern}`, subAnchor(fields, "pattern")));
  }
  if (Array.isArray(value.prefixItems)) value.prefixItems.forEach((item, i) => node.children.push(sub(item, ["prefixItems", i], `item #${i + 1}`, subAnchor(fields, `item${i + 1}`))));
  if ("items" in value && (isObject(value.items) || typeof value.items === "boolean")) node.children.push(sub(value.items, ["items"], "items", subAnchor(fields, "items")));
  // allOf parts with more than properties (a oneOf, items) stay parts; their properties keep the parent's path.
  for (const i of merged.parts) node.children.push(sub((value.allOf as unknown[])[i], ["allOf", i], `all of #${i + 1}`, fields));
  for (const [keyword, label] of [["oneOf", "one of"], ["anyOf", "any of"]] as const) {
    const list = value[keyword];
    if (Array.isArray(list)) list.forEach((item, i) => node.children.push(sub(item, [keyword, i], `${label} #${i + 1}`, subAnchor(fields, `${keyword}${i + 1}`))));
  }
  if (isObject(value.not)) node.children.push(sub(value.not, ["not"], "not", subAnchor(fields, "not")));
  return node;
}

/** Keywords an allOf part may hold and still be merged into its parent's property list. */
const MERGEABLE = new Set(["type", "properties", "required", "description", "title", "allOf", "additionalProperties", "$ref", "example", "examples"]);

/**
 * The properties of a schema with those of its allOf parts merged in (through `$ref`s and nested
 * allOfs, each schema once), each at the place it is written, and required if any part requires
 * it; `from` names the parts merged, `parts` lists the allOf indexes that could not be.
 */
function mergedAllOf(schemas: SchemaSource, root: { value: unknown; at: SchemaPointer }): { properties: Map<string, { at: SchemaPointer; written: unknown; required: boolean }>; from: string[]; parts: number[] } {
  const properties = new Map<string, { at: SchemaPointer; written: unknown; required: boolean }>();
  const from: string[] = [];
  const parts: number[] = [];
  const seen = new Set<string>();
  const add = (where: SchemaPointer, value: Record<string, unknown>, top: boolean) => {
    seen.add(`${where.file}#${where.pointer}`);
    const required = new Set(Array.isArray(value.required) ? value.required.map(String) : []);
    if (isObject(value.properties)) {
      for (const prop of Object.keys(value.properties)) {
        properties.set(prop, { at: child(where, "properties", prop), written: value.properties[prop], required: required.has(prop) || properties.get(prop)?.required === true });
      }
    }
    for (const prop of required) if (properties.has(prop)) properties.get(prop)!.required = true;
    if (!Array.isArray(value.allOf)) return;
    value.allOf.forEach((written, i) => {
      const part = resolveWritten(schemas, child(where, "allOf", i), written);
      const key = `${part.at.file}#${part.at.pointer}`;
      if (!isObject(part.value) || !Object.keys(part.value).every((k) => MERGEABLE.has(k))) {
        if (top) parts.push(i);
        return;
      }
      if (seen.has(key)) return;
      if (top) from.push(definitionName(part.at) ?? "inline schema");
      add(part.at, part.value, false);
    });
  };
  if (isObject(root.value)) add(root.at, root.value, true);
  return { properties, from, parts };
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
