import type { Argv } from "yargs";
import { reportOptions } from "./report-options.js";
import type { VerifyArgs } from "./run/verify.js";

export const verifyCommand = {
  command: "verify [registry]",
  describe: "Drive running services from their OpenAPI and proto contracts and report every response that breaks them",
  builder: (yargs: Argv) =>
    reportOptions(
      yargs
        .positional("registry", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
        .option("target", { type: "string", array: true, demandOption: true, describe: "CONTRACT=URL: the contract's id (a proto package) or path, and the base URL of the service; repeatable" })
        .option("protocol", { choices: ["connect", "grpc", "grpc-web"] as const, default: "connect" as const, describe: "How RPCs of proto contracts are called" })
        .option("allow-unsafe", { type: "boolean", default: false, describe: "Also send POST, PUT, PATCH and DELETE requests, which may change the service's data" }),
    ),
  handler: async (args: VerifyArgs): Promise<void> => (await import("./run/verify.js")).runVerifyCommand(args),
};
