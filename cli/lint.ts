import type { Argv } from "yargs";
import { reportOptions } from "./report-options.js";
import type { LintArgs } from "./run/lint.js";

export const lintCommand = {
  command: "lint [registry]",
  describe: "Check a registry (or one contract file) against its house rules",
  builder: (yargs: Argv) =>
    reportOptions(yargs.positional("registry", { type: "string", default: "contracts", describe: "Registry folder or contract file" }))
      .option("explain", { type: "string", describe: "Describe a rule, lint or breaking (with a bad and a good example where it has them), and exit" }),
  handler: async (args: LintArgs): Promise<void> => (await import("./run/lint.js")).runLintCommand(args),
};
