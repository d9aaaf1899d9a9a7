import type { Finding, SourceLocation } from "../compat/finding.js";
import type { ContractKind } from "../compat/finding.js";
import { joinPath } from "../registry/snapshot.js";
import { ruleMeta, type VerifyRuleId } from "../rules/catalog.js";

/** What a check of a running service found, before it becomes a finding. */
export interface VerifyProblem {
  rule: VerifyRuleId;
  message: string;
  /** Where the contract says what the service broke, relative to the registry. */
  location: SourceLocation;
  /** What broke (an operation, an RPC, a message), the rest of the fingerprint. */
  element: string;
}

/**
 * A `verify` finding: like a lint one, it carries no verdicts, since it judges a service, not a
 * change; its fingerprint is the rule, the contract and the element, whatever the service's URL.
 */
export function verifyFinding(problem: VerifyProblem, contract: { id: string; kind: ContractKind }, against: string, base: string): Finding {
  const finding: Omit<Finding, "backward" | "forward"> = {
    category: "verify",
    rule: problem.rule,
    kind: contract.kind,
    contract: contract.id,
    against,
    severity: ruleMeta(problem.rule)?.severity ?? "error",
    message: problem.message,
    location: { ...problem.location, file: joinPath(base, problem.location.file) },
    element: problem.element,
    fingerprint: `${problem.rule}:${contract.id}:${problem.element}`,
  };
  return finding as Finding;
}
