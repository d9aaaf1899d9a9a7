import type { Argv } from "yargs";
import { rulesOf } from "../src/rules/catalog.js";
import type { ContractKind, RuleCheck } from "../src/rules/rule-meta.js";
import { formatRuleTable } from "../src/rules/table.js";

/** yargs has checked each value against its choices. */
interface RulesArgs {
  kind?: string;
  check?: string;
  format: string;
}

export const rulesCommand = {
  command: "rules",
  describe: "List the rules charter checks, breaking and lint, from its rule catalog",
  builder: (yargs: Argv) =>
    yargs
      .option("kind", { type: "string", choices: ["proto", "openapi", "asyncapi", "jsonschema"], describe: "Only the rules of this kind of contract" })
      .option("check", { type: "string", choices: ["breaking", "lint"], describe: "Only breaking or only lint rules" })
      .option("format", { type: "string", choices: ["text", "json"], default: "text", describe: "A table, or the catalog entries as JSON" }),
  handler: (args: RulesArgs): void => {
    const rules = rulesOf({ kind: args.kind as ContractKind | undefined, check: args.check as RuleCheck | undefined });
    process.stdout.write(args.format === "json" ? `${JSON.stringify(rules, null, 2)}\n` : formatRuleTable(rules));
  },
};
