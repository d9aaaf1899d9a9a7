import { child } from "../../contracts/schema-pointer.js";
import { operationExtensions, type OperationExtensions } from "../../contracts/extensions/index.js";
import type { OpenApiContract } from "../../contracts/contract.js";
import { HTTP_METHODS } from "../../contracts/openapi/model.js";
import { member, resolveNode, type Node } from "./yaml.js";


export interface OperationNode extends Node {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  pathItem: Node;
  /** `POST /orders`: the element key of findings, as the breaking rules name operations. */
  element: string;
}

/** Every operation of an OpenAPI document, path items' `$ref`s followed, in document order. */
export function operationsOf({ document, schemas }: OpenApiContract): OperationNode[] {
  const root = { value: document.root, at: { file: document.file, pointer: "" } };
  const paths = member(schemas, root, "paths");
  if (!paths) return [];
  return Object.keys(paths.value).flatMap((path) => {
    const pathItem = resolveNode(schemas, child(paths.at, path));
    if (!pathItem) return [];
    return HTTP_METHODS.flatMap((method) => {
      const operation = member(schemas, pathItem, method);
      return operation ? [{ ...operation, method, path, pathItem, element: `${method.toUpperCase()} ${path}` }] : [];
    });
  });
}

/** Parameters of an operation and of its path item (where shared ones live), each `$ref` followed. */
export function parametersOf(contract: OpenApiContract, operation: OperationNode): Node[] {
  return [operation.pathItem, operation].flatMap((owner) => {
    const list = owner.value.parameters;
    if (!Array.isArray(list)) return [];
    return list.flatMap((_, i) => resolveNode(contract.schemas, child(owner.at, "parameters", i)) ?? []);
  });
}

/** The `x-charter-*` extensions of an operation, its path item's and the document's included. */
export function extensionsOf(contract: OpenApiContract, operation: OperationNode): OperationExtensions {
  const headers = parametersOf(contract, operation).filter((p) => p.value.in === "header").map((p) => ({ name: String(p.value.name), at: p.at }));
  const root = { value: contract.document.root, at: { file: contract.document.file, pointer: "" } };
  return operationExtensions({ operation, pathItem: operation.pathItem, root, headers });
}
