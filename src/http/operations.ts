import type { OpenApiContract } from "../contracts/contract.js";
import { operationExtensions } from "../contracts/extensions/index.js";
import { entries, isObject, member, operationsOf, parametersOf, resolveObject, rootOf, type Json, type Located } from "../contracts/openapi/model.js";
import { child, type SchemaPointer } from "../contracts/schema-pointer.js";

/**
 * The operations of an OpenAPI contract as HTTP exchanges, for `charter mock` (which answers them)
 * and `charter verify` (which sends them): what a request carries and what each response may be,
 * with the schemas as places in the registry (validator.ts compiles them) and the contract's own
 * examples where it gives them.
 */

/** A value the contract wrote (`example`, or the first of `examples`): present even when it is null. */
export interface Written {
  value: unknown;
}

export interface HttpParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** OpenAPI's `style`: `form`, `simple`, `deepObject` (an object as `name[key]=value` query keys), ... */
  style: string;
  /** OpenAPI's `explode`: a query array as repeated keys (the default for `form`) or one comma-separated value. */
  explode: boolean;
  schema?: SchemaPointer;
  example?: Written;
}

/** One entry of a `content` map. */
export interface HttpMedia {
  type: string;
  schema?: SchemaPointer;
  example?: Written;
  at: SchemaPointer;
}

export interface HttpHeader {
  name: string;
  required: boolean;
  schema?: SchemaPointer;
  example?: Written;
}

export interface HttpResponse {
  /** As written: `200`, `2XX` or `default`. */
  status: string;
  content: HttpMedia[];
  headers: HttpHeader[];
  at: SchemaPointer;
}

export interface HttpOperation {
  /** Upper case: `GET`. */
  method: string;
  /** The path template as written: `/orders/{orderId}`. */
  path: string;
  operationId?: string;
  /** How findings and errors name the operation: `GET /orders/{orderId} (getOrder)`. */
  label: string;
  at: SchemaPointer;
  parameters: HttpParameter[];
  /** The header carrying its idempotency key (`x-charter-idempotency-key`, or an `Idempotency-Key` header parameter). */
  idempotencyKey?: string;
  body?: { required: boolean; content: HttpMedia[] };
  responses: HttpResponse[];
  /** The path parameters when `pathname` (below the base path) is this operation's path, else undefined. */
  match(pathname: string): Record<string, string> | undefined;
}

/** The first value the contract wrote for a parameter, header or media type. */
function writtenOf(version: OpenApiContract, owner: Located): Written | undefined {
  if ("example" in owner.value) return { value: owner.value.example };
  const examples = member(version, owner, "examples");
  const first = examples && Object.keys(examples.value)[0];
  const example = first === undefined ? undefined : resolveObject(version, child(examples!.at, first));
  return example && "value" in example.value ? { value: example.value.value } : undefined;
}

const schemaOf = (owner: Located): SchemaPointer | undefined => ("schema" in owner.value ? child(owner.at, "schema") : undefined);

function contentOf(contract: OpenApiContract, owner: Located): HttpMedia[] {
  return [...entries(contract, owner, "content")].map(([type, media]) => ({ type, schema: schemaOf(media), example: writtenOf(contract, media), at: media.at }));
}

/** `/orders/{orderId}` as a regular expression capturing each parameter by name. */
function matcherOf(path: string): (pathname: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const name = /^\{([^}]*)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  const pattern = new RegExp(`^${source}$`);
  return (pathname) => {
    const found = pattern.exec(pathname);
    if (!found) return undefined;
    const values: Record<string, string> = {};
    names.forEach((name, i) => {
      try {
        values[name] = decodeURIComponent(found[i + 1]);
      } catch {
        values[name] = found[i + 1];
      }
    });
    return values;
  };
}

/** Every operation under `paths` (webhooks are the client's to serve), in document order. */
export function httpOperationsOf(contract: OpenApiContract): HttpOperation[] {
  return [...operationsOf(contract).values()]
    .filter((op) => !op.webhook)
    .map((op): HttpOperation => {
      const method = op.method.toUpperCase();
      const operationId = typeof op.operation.value.operationId === "string" ? op.operation.value.operationId : undefined;
      const declared = [...parametersOf(contract, op).values()];
      const headers = declared.filter((p) => p.in === "header").map((p) => ({ name: p.name, at: p.at }));
      const parameters = declared
        .filter((p) => ["path", "query", "header", "cookie"].includes(p.in))
        .map((p): HttpParameter => {
          const located = { value: p.value, at: p.at };
          const style = typeof p.value.style === "string" ? p.value.style : "form";
          return {
            name: p.name,
            in: p.in as HttpParameter["in"],
            required: p.in === "path" || p.value.required === true,
            style,
            explode: typeof p.value.explode === "boolean" ? p.value.explode : style === "form",
            schema: schemaOf(located),
            example: writtenOf(contract, located),
          };
        });
      const requestBody = member(contract, op.operation, "requestBody");
      const responses = [...entries(contract, op.operation, "responses")].map(([status, response]): HttpResponse => ({
        status,
        content: contentOf(contract, response),
        headers: [...entries(contract, response, "headers")].map(([name, header]) => ({
          name,
          required: header.value.required === true,
          schema: schemaOf(header),
          example: writtenOf(contract, header),
        })),
        at: response.at,
      }));
      return {
        method,
        path: op.path,
        operationId,
        label: `${method} ${op.path}${operationId ? ` (${operationId})` : ""}`,
        at: op.operation.at,
        parameters,
        idempotencyKey: operationExtensions({ ...op, root: rootOf(contract), headers }).idempotencyKey?.value,
        body: requestBody ? { required: requestBody.value.required === true, content: contentOf(contract, requestBody) } : undefined,
        responses,
        match: matcherOf(op.path),
      };
    });
}

/**
 * The path each server of the contract serves it under (`https://api.shop.example/orders/v1` →
 * `/orders/v1`), server variables at their defaults; `""` when the contract names no server.
 */
export function basePathsOf(contract: OpenApiContract): string[] {
  const servers = Array.isArray(contract.document.root.servers) ? contract.document.root.servers.filter(isObject) : [];
  const paths = servers.map((server: Json) => {
    const variables = isObject(server.variables) ? server.variables : {};
    const url = String(server.url ?? "").replace(/\{([^}]*)\}/g, (_, name: string) => {
      const variable = variables[name];
      return isObject(variable) && variable.default !== undefined ? String(variable.default) : "";
    });
    const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? new URL(url).pathname : url.replace(/[?#].*$/, "");
    return pathname.replace(/\/+$/, "");
  });
  return paths.length ? [...new Set(paths)] : [""];
}

/** Every schema of an operation: its parameters', its bodies' and its responses'; what mock and verify compile validators for. */
export const schemasOf = (operation: HttpOperation): SchemaPointer[] => [
  ...operation.parameters.flatMap((p) => p.schema ?? []),
  ...(operation.body?.content.flatMap((m) => m.schema ?? []) ?? []),
  ...operation.responses.flatMap((r) => r.content.flatMap((m) => m.schema ?? [])),
];
