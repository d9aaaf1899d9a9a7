import type { Snapshot } from "../../registry/snapshot.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";

export interface AsyncApiOptions {
  /** Today, for deprecation and sunset dates. */
  today: Date;
}

/** Compares every AsyncAPI contract (2.6 or 3.0) of two versions of a registry, paired by identity. */
export async function checkAsyncApi(_against: Snapshot, _input: Snapshot, _options: AsyncApiOptions): Promise<{ contracts: CheckedContract[]; changes: Change[] }> {
  return { contracts: [], changes: [] };
}
