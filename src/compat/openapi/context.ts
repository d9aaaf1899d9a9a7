import { reporter, type DocumentIssue } from "../document-contracts.js";
import type { Change } from "../finding.js";
import type { Effect, Verdict } from "../verdict.js";
import type { Operation } from "../../contracts/openapi/model.js";
import type { OpenApiVersion } from "../../contracts/openapi/version.js";
import type { OpenApiOptions } from "./options.js";

/**
 * Who writes a piece of data (ARCHITECTURE.md, "The compatibility model"). The client writes requests and the server responses;
 * webhooks turn that round (the server calls the subscriber).
 */
export type Writer = "client" | "server";

export const requestWriter = (op: Operation): Writer => (op.webhook ? "server" : "client");
export const responseWriter = (op: Operation): Writer => (op.webhook ? "client" : "server");

/**
 * Backward = new server, old clients; forward = old server, new clients. Data the client writes
 * flows old → new under backward (an old client's request read by the new server); data the
 * server writes flows new → old (the new server's response read by an old client).
 */
export function verdictsOf(flow: Effect, writer: Writer): { backward: Verdict; forward: Verdict } {
  return writer === "client"
    ? { backward: flow.oldToNew, forward: flow.newToOld }
    : { backward: flow.newToOld, forward: flow.oldToNew };
}

export interface CompareContext {
  previous: OpenApiVersion;
  current: OpenApiVersion;
  options: OpenApiOptions;
  report(issue: DocumentIssue): void;
}

export function createContext(previous: OpenApiVersion, current: OpenApiVersion, options: OpenApiOptions, out: Change[]): CompareContext {
  return {
    previous,
    current,
    options,
    report: reporter("openapi", previous, current, out),
  };
}
