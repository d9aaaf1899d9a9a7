import { child, type SchemaPointer, type SchemaSource } from "../../contracts/schema-pointer.js";

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** An object at a place, after its `$ref` chain. */
export interface Node {
  value: Json;
  at: SchemaPointer;
}

/** The object at a pointer after following `$ref`s; undefined when it is not an object. */
export function resolveNode(schemas: SchemaSource, at: SchemaPointer): Node | undefined {
  const { value, at: where } = schemas.resolve(at);
  return isObject(value) ? { value, at: where } : undefined;
}

/** The object under `key` of a node, `$ref` followed. */
export function member(schemas: SchemaSource, node: Node | undefined, key: string): Node | undefined {
  return node && key in node.value ? resolveNode(schemas, child(node.at, key)) : undefined;
}

/**
 * Every object of a document as written (no `$ref` followed), depth first, with its pointer:
 * for rules that look at any element wherever it is declared (`deprecated: true`).
 */
export function eachObject(root: unknown, file: string, visit: (node: Node) => void): void {
  const walk = (value: unknown, at: SchemaPointer): void => {
    if (value === null || typeof value !== "object") return;
    if (isObject(value)) visit({ value, at });
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, v] of entries) walk(v, child(at, key));
  };
  walk(root, { file, pointer: "" });
}
