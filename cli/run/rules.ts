import { rulesOf } from "../../src/rules/catalog.js";
import type { ContractKind, RuleCheck } from "../../src/rules/rule-meta.js";
import { formatRuleTable } from "../../src/rules/table.js";

/** yargs has checked each value against its choices. */
export interface RulesArgs {
  kind?: string;
  check?: string;
  format: string;
}

export function runRulesCommand(args: RulesArgs): void {
  const rules = rulesOf({ kind: args.kind as ContractKind | undefined, check: args.check as RuleCheck | undefined });
  process.stdout.write(args.format === "json" ? `${JSON.stringify(rules, null, 2)}\n` : formatRuleTable(rules));
}
