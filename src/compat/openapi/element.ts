import { operationKey, type Operation, type Parameter } from "../../contracts/openapi/model.js";

/**
 * Semantic keys of OpenAPI elements (ARCHITECTURE.md, "The compatibility model"), the part of a fingerprint that survives line
 * moves, `$ref` refactors and renamed path parameters: `POST /orders/{} 201 application/json #/amount`.
 */
export const operationElement = (op: Operation) => operationKey(op.method, op.template);

export const parameterElement = (op: Operation, parameter: Parameter) => `${operationElement(op)} ${parameter.key}`;

export const requestElement = (op: Operation, mediaType?: string) =>
  `${operationElement(op)} request${mediaType ? ` ${mediaType}` : ""}`;

export const responseElement = (op: Operation, status: string, mediaType?: string) =>
  `${operationElement(op)} ${status.toUpperCase()}${mediaType ? ` ${mediaType}` : ""}`;

export const headerElement = (op: Operation, status: string, header: string) =>
  `${responseElement(op, status)} header ${header.toLowerCase()}`;

/** A place inside a schema, by its semantic path (`#/items/[]/price`). */
export const schemaElement = (base: string, path: string[]) => (path.length ? `${base} #/${path.join("/")}` : base);

/** How messages name an operation: as written, `GET /orders/{id}`. */
export const operationName = (op: Operation) => `${op.webhook ? "webhook " : ""}${op.method.toUpperCase()} ${op.path}`;
