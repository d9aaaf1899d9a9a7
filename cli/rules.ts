import type { Argv } from "yargs";
import type { RulesArgs } from "./run/rules.js";

export const rulesCommand = {
  command: "rules",
  describe: "List the rules charter checks, breaking and lint, from its rule catalog",
  builder: (yargs: Argv) =>
    yargs
      .option("kind", { type: "string", choices: ["proto", "openapi", "asyncapi", "jsonschema"], describe: "Only the rules of this kind of contract" })
      .option("check", { type: "string", choices: ["breaking", "lint", "verify"], describe: "Only breaking, lint or verify rules" })
      .option("format", { type: "string", choices: ["text", "json"], default: "text", describe: "A table, or the catalog entries as JSON" }),
  handler: async (args: RulesArgs): Promise<void> => (await import("./run/rules.js")).runRulesCommand(args),
};
