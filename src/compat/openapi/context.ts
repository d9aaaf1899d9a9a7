import { locateIn } from "../document-contracts.js";
import type { Change } from "../finding.js";
import type { SchemaPointer } from "../schema/source.js";
import type { Effect, Verdict } from "../verdict.js";
import type { Operation } from "./model.js";
import type { OpenApiOptions, OpenApiVersion } from "./version.js";

/**
 * Who writes a piece of data (DESIGN.md §1). The client writes requests and the server responses;
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

/** One finding as checks describe it: places as pointers, turned into file:line:col on report. */
export interface Issue {
  rule: string;
  backward: Verdict;
  forward: Verdict;
  message: string;
  /** Where in the new version; for a deletion, the parent that lost the element. */
  at?: SchemaPointer;
  /** Where in the old version. */
  before?: SchemaPointer;
  element: string;
  /** The element is marked alpha, beta or draft: reported, not gated. */
  unstable?: boolean;
}

export interface CompareContext {
  previous: OpenApiVersion;
  current: OpenApiVersion;
  options: OpenApiOptions;
  report(issue: Issue): void;
}

export function createContext(previous: OpenApiVersion, current: OpenApiVersion, options: OpenApiOptions, out: Change[]): CompareContext {
  const contract = current.document.id;
  return {
    previous,
    current,
    options,
    report({ rule, backward, forward, message, at, before, element, unstable }) {
      out.push({
        rule,
        kind: "openapi",
        contract,
        backward,
        forward,
        message,
        // When the parent is gone too, the finding can only point into the old version (DESIGN.md §1.5).
        location: at ? locateIn(current, at) : before && locateIn(previous, before),
        before: before && locateIn(previous, before),
        element,
        ...(unstable ? { unstable } : {}),
      });
    },
  };
}
