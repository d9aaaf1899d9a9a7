import { createServer } from "node:http";
import { loadDocuments } from "../../src/contracts/load-registry.js";
import { InputError } from "../../src/errors.js";
import { basePathsOf } from "../../src/http/operations.js";
import { NO_FAULTS } from "../../src/mock/faults.js";
import { createMockHandler } from "../../src/mock/mock.js";
import { readInput } from "../../src/registry/resolve.js";

export interface MockArgs {
  registry: string;
  port: number;
  host: string;
  latency: number;
  errorRate: number;
  errorStatus: number;
  retryAfter?: number;
  nats?: string;
  interval?: number;
}

/** Serves until the process is stopped; stderr says where each contract is served. */
export async function runMockCommand(args: MockArgs): Promise<void> {
  if (!(args.errorRate >= 0 && args.errorRate <= 1)) throw new InputError(`--error-rate must be between 0 and 1, not ${args.errorRate}`);
  if (!(Number.isInteger(args.errorStatus) && args.errorStatus >= 100 && args.errorStatus <= 599)) throw new InputError(`--error-status must be an HTTP status code, not ${args.errorStatus}`);
  if (!(args.latency >= 0)) throw new InputError(`--latency must be a number of milliseconds, not ${args.latency}`);
  const input = readInput(args.registry, process.cwd());
  if (args.interval !== undefined && !(args.interval > 0)) throw new InputError(`--interval must be a positive number of milliseconds, not ${args.interval}`);
  const documents = loadDocuments(input).documents;
  const contracts = documents.flatMap((c) => (c.kind === "openapi" ? [c] : []));
  const eventContracts = documents.flatMap((c) => (c.kind === "asyncapi" ? [c] : []));
  if (!contracts.length && !eventContracts.length) throw new InputError("no OpenAPI or AsyncAPI contracts to serve", input.label);
  // The CloudEvents SDK and NATS client load only for a registry with events.
  const events = eventContracts.length ? await import("../../src/mock/events.js") : undefined;
  const faults = { ...NO_FAULTS, latencyMs: args.latency, errorRate: args.errorRate, errorStatus: args.errorStatus, retryAfter: args.retryAfter };
  const sink = events?.createEventSink(eventContracts, input, faults);
  const handler = createMockHandler(contracts, input, faults, (message) =>
    process.stderr.write(`charter mock: warning: ${message}\n`),
  );
  // Publishing first: a broker that cannot be reached stops the mock before it serves anything.
  if (args.nats && events) await (await import("./events.js")).publishSamples(args.nats, events.sampleEvents(eventContracts), args.interval, (line) => process.stderr.write(`${line}\n`));
  const server = createServer((request, response) => sink?.handle(request, response) || handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new InputError(`cannot listen on ${args.host}:${args.port}: ${error.code ?? error.message}`)));
    server.listen(args.port, args.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : args.port;
  const host = args.host.includes(":") ? `[${args.host}]` : args.host;
  for (const contract of contracts) {
    for (const basePath of basePathsOf(contract)) process.stderr.write(`charter mock: ${contract.id} at http://${host}:${port}${basePath}\n`);
  }
  for (const { contract, path } of sink?.paths ?? []) process.stderr.write(`charter mock: ${contract.id} at http://${host}:${port}${path}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
