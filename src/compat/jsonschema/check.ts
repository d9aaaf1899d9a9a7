import type { Snapshot } from "../../registry/snapshot.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";

export interface JsonSchemaOptions {
  /** Whether a contract reads open content models strictly (charter.yaml `contracts.<glob>.strict`). */
  strict(id: string, path: string): boolean;
}

/** Compares every JSON Schema contract (`*.schema.json`, `*.schema.yaml`) of two versions of a registry. */
export function checkJsonSchema(_against: Snapshot, _input: Snapshot, _options: JsonSchemaOptions): { contracts: CheckedContract[]; changes: Change[] } {
  return { contracts: [], changes: [] };
}
