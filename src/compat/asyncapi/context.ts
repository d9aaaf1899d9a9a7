import { reporter, type DocumentIssue } from "../document-contracts.js";
import type { Change } from "../finding.js";
import type { Effect, Verdict } from "../verdict.js";
import { modelOf, type AsyncApiModel } from "../../contracts/asyncapi/model.js";
import type { AsyncApiVersion } from "../../contracts/asyncapi/version.js";

/**
 * Messages are data contracts (ARCHITECTURE.md, "The compatibility model"): backward = new readers with old data (the flow
 * old → new), forward = old readers with new data (new → old), whatever the operation's action.
 */
export const dataVerdicts = (flow: Effect): { backward: Verdict; forward: Verdict } => ({ backward: flow.oldToNew, forward: flow.newToOld });

export interface CompareContext {
  previous: AsyncApiVersion;
  current: AsyncApiVersion;
  old: AsyncApiModel;
  now: AsyncApiModel;
  report(issue: DocumentIssue): void;
}

export function createContext(previous: AsyncApiVersion, current: AsyncApiVersion, out: Change[]): CompareContext {
  return {
    previous,
    current,
    old: modelOf(previous),
    now: modelOf(current),
    report: reporter("asyncapi", previous, current, out),
  };
}
