import assert from "node:assert/strict";
import { asyncApiDocument } from "../../../src/contracts/asyncapi/document.js";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";
import { compareAsyncApi } from "../../../src/compat/asyncapi/compare.js";
import type { Change } from "../../../src/compat/finding.js";

/** Loads each side in memory as the registry would (without the parser), and compares them. */
export function compare(before: string, after: string): Change[] {
  const load = (text: string) => {
    const schemas = createSchemaSource(new Map([["events.yaml", text]]), "");
    return { document: asyncApiDocument("events.yaml", text, schemas.source("events.yaml")!), schemas };
  };
  return compareAsyncApi(load(before), load(after));
}

/** 1-based line of the first line of `text` containing `needle`, so rows need not count lines. */
export const lineOf = (text: string, needle: string | RegExp) => {
  const index = text.split("\n").findIndex((line) => (typeof needle === "string" ? line.includes(needle) : needle.test(line)));
  assert.ok(index >= 0, `"${needle}" not found`);
  return index + 1;
};

export interface Shape {
  address?: string;
  action?: "send" | "receive";
  /** The message `OrderPaid`, as YAML indented by six spaces. */
  message?: string;
  /** A second message on the channel, `OrderRefunded`, when set. */
  second?: boolean;
  /** The operation's id. */
  operationId?: string;
}

export const PAYLOAD = `      payload:
        type: object
        required: [orderId]
        properties:
          orderId: { type: string, maxLength: 20 }
          amount: { type: integer }`;

const defaults = (shape: Shape) => ({ address: "order.paid.v1", action: "send", message: PAYLOAD, operationId: "sendPaid", ...shape });

/** An AsyncAPI 3.0 document: one channel, one operation, messages as components. */
export function doc3(shape: Shape = {}): string {
  const { address, action, message, operationId, second } = defaults(shape);
  return `asyncapi: 3.0.0
info: { title: t, version: "1" }
channels:
  paid:
    address: ${address}
    messages:
      OrderPaid:
        $ref: '#/components/messages/OrderPaid'
${second ? "      OrderRefunded:\n        $ref: '#/components/messages/OrderRefunded'\n" : ""}operations:
  ${operationId}:
    action: ${action}
    channel: { $ref: '#/channels/paid' }
components:
  messages:
    OrderPaid:
${message}
    OrderRefunded:
      payload: { type: object }
`;
}

/** The same in AsyncAPI 2.6: the channel keyed by address, the operation as subscribe (send) or publish (receive). */
export function doc2(shape: Shape = {}): string {
  const { address, action, message, operationId, second } = defaults(shape);
  const refs = second
    ? "        oneOf:\n          - $ref: '#/components/messages/OrderPaid'\n          - $ref: '#/components/messages/OrderRefunded'\n"
    : "        $ref: '#/components/messages/OrderPaid'\n";
  return `asyncapi: 2.6.0
info: { title: t, version: "1" }
channels:
  ${address}:
    ${action === "send" ? "subscribe" : "publish"}:
      operationId: ${operationId}
      message:
${refs}components:
  messages:
    OrderPaid:
${message}
    OrderRefunded:
      payload: { type: object }
`;
}
