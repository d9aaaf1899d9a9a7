import type { Argv } from "yargs";
import { compatOptions } from "./compat-options.js";
import type { BreakingArgs } from "./run/breaking.js";

export const breakingCommand = {
  command: "breaking [input]",
  describe: "Check a registry (or one contract file) for breaking changes against another version",
  builder: (yargs: Argv) =>
    compatOptions(
      yargs
        .positional("input", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
        .option("against", { type: "string", describe: "Folder, file, or git ref (git:main); required" }),
    ),
  // The machinery loads only for the command that runs (ARCHITECTURE.md, "Start-up").
  handler: async (args: BreakingArgs): Promise<void> => (await import("./run/breaking.js")).runBreakingCommand(args),
};
