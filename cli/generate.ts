import type { Argv } from "yargs";
import type { GenerateArgs } from "./run/generate.js";

export const generateCommand = {
  command: "generate [registry]",
  describe: "Generate typed TypeScript SDKs (clients, producers, consumers) from the contracts",
  builder: (yargs: Argv) =>
    yargs
      .positional("registry", { type: "string", default: "contracts", describe: "Registry folder" })
      .option("out", { type: "string", describe: "Output folder (default: generate.out in charter.yaml, else ./sdk)" })
      .option("check", { type: "boolean", default: false, describe: "Exit 1 when the files on disk differ from what would be generated" }),
  handler: async (args: GenerateArgs): Promise<void> => (await import("./run/generate.js")).runGenerateCommand(args),
};
