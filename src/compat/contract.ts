import type { ContractChange, ContractKind } from "./finding.js";

/** A contract as a checker lists it, before modes and findings make it a report entry. */
export interface CheckedContract {
  id: string;
  kind: ContractKind;
  /** Registry-relative path of (the first file of) the contract. */
  path: string;
  /** API contracts default to BACKWARD mode, data contracts to FULL. */
  api: boolean;
  /** Unstable contracts are reported but not gated. */
  unstable: boolean;
  change: ContractChange;
}
