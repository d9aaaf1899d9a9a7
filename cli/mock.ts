import type { Argv } from "yargs";
import type { MockArgs } from "./run/mock.js";

export const mockCommand = {
  command: "mock [registry]",
  describe: "Serve the registry's OpenAPI contracts, proto services and AsyncAPI events: requests validated, answers and sample events from the contracts",
  builder: (yargs: Argv) =>
    yargs
      .positional("registry", { type: "string", default: "contracts", describe: "Registry folder or contract file" })
      .option("port", { type: "number", default: 4010, describe: "Port to listen on (0: any free port)" })
      .option("host", { type: "string", default: "127.0.0.1", describe: "Address to listen on (0.0.0.0 to serve other machines)" })
      .option("latency", { type: "number", default: 0, describe: "Milliseconds to wait before every answer" })
      .option("error-rate", { type: "number", default: 0, describe: "Share of requests (0 to 1) answered with --error-status" })
      .option("error-status", { type: "number", default: 503, describe: "Status of injected errors" })
      .option("retry-after", { type: "number", describe: "Seconds to send as Retry-After with injected errors" })
      .option("nats", { type: "string", describe: "NATS server (nats://host:port) to publish a sample CloudEvent of every message the AsyncAPI contracts send" })
      .option("interval", { type: "number", describe: "With --nats, publish the samples again every this many milliseconds (default: once)" }),
  handler: async (args: MockArgs): Promise<void> => (await import("./run/mock.js")).runMockCommand(args),
};
