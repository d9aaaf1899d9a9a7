import type { Contract } from "../../contracts/contract.js";
import type { LintContext } from "../rule.js";

/** A document's schema violations, found when it was loaded (ARCHITECTURE.md, "Reading policy"), as problems. */
export function reportViolations({ contract, report }: LintContext<Contract>): void {
  for (const violation of contract.violations) report({ message: violation.message, element: violation.message, place: { line: violation.location } });
}
