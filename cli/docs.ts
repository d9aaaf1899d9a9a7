import type { Argv } from "yargs";
import type { DocsArgs } from "./run/docs.js";

export const docsCommand = {
  command: "docs [registry]",
  describe: "Write a static docs site of a registry: contracts, schemas, examples, changelog and search",
  builder: (yargs: Argv) =>
    yargs
      .positional("registry", { type: "string", default: "contracts", describe: "Registry folder" })
      .option("out", { type: "string", describe: "Folder for the site; default: charter.yaml's docs.out, else ./site" })
      .option("serve", { type: "boolean", default: false, describe: "Serve the site on 127.0.0.1 and rebuild it when a contract changes" })
      .option("port", { type: "number", default: 4000, describe: "Port for --serve" })
      .option("strict", { type: "boolean", default: false, describe: "Fail (exit 2) on a contract that cannot be read, instead of giving it a page that shows the error" }),
  handler: async (args: DocsArgs): Promise<void> => (await import("./run/docs.js")).runDocsCommand(args),
};
