import { locateIn } from "../document-contracts.js";
import type { Change } from "../finding.js";
import type { SchemaPointer } from "../schema/source.js";
import type { Effect, Verdict } from "../verdict.js";
import { modelOf, type AsyncApiModel } from "./model.js";
import type { AsyncApiVersion } from "./version.js";

/**
 * Messages are data contracts (DESIGN.md §1): backward = new readers with old data (the flow
 * old → new), forward = old readers with new data (new → old), whatever the operation's action.
 */
export const dataVerdicts = (flow: Effect): { backward: Verdict; forward: Verdict } => ({ backward: flow.oldToNew, forward: flow.newToOld });

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
  /** Semantic key (channel address, message key, schema path), stable across `$ref` refactors. */
  element: string;
}

export interface CompareContext {
  previous: AsyncApiVersion;
  current: AsyncApiVersion;
  old: AsyncApiModel;
  now: AsyncApiModel;
  report(issue: Issue): void;
}

export function createContext(previous: AsyncApiVersion, current: AsyncApiVersion, out: Change[]): CompareContext {
  const contract = current.document.id;
  return {
    previous,
    current,
    old: modelOf(previous),
    now: modelOf(current),
    report({ rule, backward, forward, message, at, before, element }) {
      out.push({
        rule,
        kind: "asyncapi",
        contract,
        backward,
        forward,
        message,
        // When the parent is gone too, the finding can only point into the old version (DESIGN.md §1.5).
        location: at ? locateIn(current, at) : before && locateIn(previous, before),
        before: before && locateIn(previous, before),
        element,
      });
    },
  };
}
