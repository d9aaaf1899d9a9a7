import type { Argv } from "yargs";
import { compatOptions } from "./compat-options.js";
import type { CheckArgs } from "./run/check.js";

export const checkCommand = {
  command: "check [registry]",
  describe: "Lint a registry (or one contract file) and check it for breaking changes, in one report (the CI gate)",
  builder: (yargs: Argv) =>
    compatOptions(
      yargs
        .positional("registry", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
        .option("against", { type: "string", describe: "Folder or git ref; default: where this branch left the default branch" })
        .option("baseline", { type: "string", describe: "Accept the findings recorded in this file (see --write-baseline)" })
        .option("write-baseline", { type: "string", describe: "Record today's errors and warnings in this file, keeping reasons and expiry dates already there" }),
    ),
  handler: async (args: CheckArgs): Promise<void> => (await import("./run/check.js")).runCheckCommand(args),
};
