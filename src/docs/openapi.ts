import { child, type SchemaPointer } from "../contracts/schema-pointer.js";
import { operationFacts, type Fact } from "../contracts/extensions/display.js";
import { operationExtensions } from "../contracts/extensions/index.js";
import type { OpenApiContract } from "../contracts/contract.js";
import { HTTP_METHODS } from "../contracts/openapi/model.js";
import { exampleWithin } from "./example.js";
import { anchor } from "./ids.js";
import { renderMarkdown } from "./markdown.js";
import { pageSchemas, type PageSchemas } from "./page-schemas.js";
import { explore, type SchemaNode } from "./schema.js";
import type { SearchEntry } from "./search.js";

/** What an OpenAPI contract's page shows: operations with parameters, bodies and responses (its schemas are the page's schema section). */
export interface OpenApiView {
  servers: string[];
  operations: OperationView[];
}

interface Body {
  mediaType: string;
  schema?: SchemaNode;
  /** An example as JSON: the contract's own (`example`, the first of `examples`, the schema's), else synthesised from the schema. */
  example?: string;
  exampleFrom?: "contract" | "schema";
}

/** Schemas the synthesiser may visit for one body's example (a Stripe response reaches thousands). */
const EXAMPLE_BUDGET = 250;

interface OperationView {
  id: string;
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** What it declares of timeouts, retries, idempotency and SLO (`x-charter-*`). */
  resilience: Fact[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema?: SchemaNode }[];
  requestBody?: { required: boolean; description?: string; content: Body[] };
  responses: { status: string; description?: string; content: Body[] }[];
}


type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** The explorer context of a YAML/JSON contract: its page's schema section (page-schemas.ts). */
export function explorerFor(contract: { schemas: PageSchemas["schemas"] }, file: string): PageSchemas {
  return pageSchemas(contract, file);
}

export function openApiView(contract: OpenApiContract, page: string): { view: OpenApiView; search: SearchEntry[] } {
  const { document, schemas } = contract;
  const ctx = explorerFor(contract, document.file);
  const root: SchemaPointer = { file: document.file, pointer: "" };
  const resolved = (at: SchemaPointer): { value: Json; at: SchemaPointer } | undefined => {
    const r = schemas.resolve(at);
    return isObject(r.value) ? { value: r.value, at: r.at } : undefined;
  };
  const search: SearchEntry[] = [];
  // One synthesised example per schema, as JSON: Stripe's 936 response bodies use 124 schemas (its `error` in every operation).
  const synthesised = new Map<string, Pick<Body, "example" | "exampleFrom">>();
  const exampleOfMedia = (media: { value: Json; at: SchemaPointer }): Pick<Body, "example" | "exampleFrom"> => {
    const named = isObject(media.value.examples) ? Object.keys(media.value.examples)[0] : undefined;
    const first = named === undefined ? undefined : resolved(child(media.at, "examples", named));
    const own = "example" in media.value ? { value: media.value.example } : first && "value" in first.value ? { value: first.value.value } : undefined;
    if (own) return { example: JSON.stringify(own.value, null, 2), exampleFrom: "contract" };
    if (!("schema" in media.value)) return {};
    const schema = schemas.resolve(child(media.at, "schema")).at;
    const key = `${schema.file}#${schema.pointer}`;
    let made = synthesised.get(key);
    if (!made) {
      const value = exampleWithin(schemas, schema, EXAMPLE_BUDGET);
      synthesised.set(key, (made = value && value.value !== undefined ? { example: JSON.stringify(value.value, null, 2), exampleFrom: "schema" } : {}));
    }
    return made;
  };
  const bodies = (parent: { value: Json; at: SchemaPointer }, path: string[]): Body[] =>
    isObject(parent.value.content)
      ? Object.keys(parent.value.content).map((mediaType) => {
          const media = resolved(child(parent.at, "content", mediaType));
          // OpenAPI 3.2 describes a stream (application/jsonl, text/event-stream) by the schema of one item.
          const key = media && (["schema", "itemSchema"] as const).find((k) => k in media.value);
          return { mediaType, schema: media && key ? explore(ctx, child(media.at, key), [...path, mediaType]) : undefined, ...(media ? exampleOfMedia(media) : {}) };
        })
      : [];
  const operations: OperationView[] = [];
  const paths = isObject(document.root.paths) ? Object.keys(document.root.paths) : [];
  for (const path of paths) {
    const item = resolved(child(root, "paths", path));
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = method in item.value ? resolved(child(item.at, method)) : undefined;
      if (!op) continue;
      const operationId = text(op.value.operationId);
      const name = operationId ?? `${method} ${path}`;
      const id = anchor("op", name);
      const listed = [
        ...(Array.isArray(item.value.parameters) ? item.value.parameters.map((_, i) => child(item.at, "parameters", i)) : []),
        ...(Array.isArray(op.value.parameters) ? op.value.parameters.map((_, i) => child(op.at, "parameters", i)) : []),
      ];
      // An operation's parameter overrides the path item's of the same name and location.
      const parameters = new Map<string, OperationView["parameters"][number]>();
      const headers: { name: string; at: SchemaPointer }[] = [];
      for (const at of listed) {
        const p = resolved(at);
        if (!p) continue;
        const pname = String(p.value.name);
        const where = String(p.value.in);
        if (where === "header") headers.push({ name: pname, at: p.at });
        parameters.set(`${where}:${pname}`, {
          name: pname,
          in: where,
          required: p.value.required === true,
          description: renderMarkdown(p.value.description),
          schema: "schema" in p.value ? explore(ctx, child(p.at, "schema"), [name, where, pname]) : undefined,
        });
      }
      const body = "requestBody" in op.value ? resolved(child(op.at, "requestBody")) : undefined;
      const responses = "responses" in op.value ? resolved(child(op.at, "responses")) : undefined;
      operations.push({
        id,
        method: method.toUpperCase(),
        path,
        operationId,
        summary: text(op.value.summary),
        description: renderMarkdown(op.value.description),
        deprecated: op.value.deprecated === true,
        resilience: operationFacts(operationExtensions({ operation: op, pathItem: item, root: { value: document.root, at: root }, headers })),
        parameters: [...parameters.values()],
        requestBody: body && { required: body.value.required === true, description: renderMarkdown(body.value.description), content: bodies(body, [name, "request"]) },
        responses: responses
          ? Object.keys(responses.value).flatMap((status) => {
              const response = resolved(child(responses.at, status));
              return response ? [{ status, description: renderMarkdown(response.value.description), content: bodies(response, [name, status]) }] : [];
            })
          : [],
      });
      search.push({ title: `${method.toUpperCase()} ${path}${operationId ? ` (${operationId})` : ""}`, kind: "operation", contract: contract.id, href: `${page}#${id}`, description: renderMarkdown(op.value.description) ?? renderMarkdown(op.value.summary) });
    }
  }
  // Every component is listed, used or not, in the order the document declares them.
  const components = isObject(document.root.components) && isObject(document.root.components.schemas) ? Object.keys(document.root.components.schemas) : [];
  for (const name of components) ctx.add(child(root, "components", "schemas", name), name);
  const servers = Array.isArray(document.root.servers) ? document.root.servers.flatMap((s) => (isObject(s) && typeof s.url === "string" ? [s.url] : [])) : [];
  return { view: { servers, operations }, search };
}
