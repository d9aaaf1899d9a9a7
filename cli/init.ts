import type { Argv } from "yargs";
import type { InitArgs } from "./run/init.js";

export const initCommand = {
  command: "init [registry]",
  describe: "Start a registry: a starter charter.yaml and a GitHub workflow that runs charter check",
  builder: (yargs: Argv) => yargs.positional("registry", { type: "string", default: "contracts", describe: "Registry folder (made when missing)" }),
  handler: async (args: InitArgs): Promise<void> => (await import("./run/init.js")).runInitCommand(args),
};
