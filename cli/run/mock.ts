import { connectNodeAdapter, type ConnectNodeAdapterOptions } from "@connectrpc/connect-node";
import { loadRegistry } from "../../src/contracts/load-registry.js";
import { InputError } from "../../src/errors.js";
import { basePathsOf } from "../../src/http/operations.js";
import { NO_FAULTS } from "../../src/mock/faults.js";
import { createMockHandler } from "../../src/mock/mock.js";
import { faultInterceptor, rpcRoutes } from "../../src/mock/rpc.js";
import { readInput } from "../../src/registry/resolve.js";
import { createH2cServer } from "./h2c-server.js";

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
  if (args.interval !== undefined && !(args.interval > 0)) throw new InputError(`--interval must be a positive number of milliseconds, not ${args.interval}`);
  const input = readInput(args.registry, process.cwd());
  const registry = await loadRegistry(input, { validate: false });
  const contracts = registry.documents.flatMap((c) => (c.kind === "openapi" ? [c] : []));
  const eventContracts = registry.documents.flatMap((c) => (c.kind === "asyncapi" ? [c] : []));
  const protos = (await registry.protos()).filter((c) => c.api);
  if (!contracts.length && !protos.length && !eventContracts.length) throw new InputError("no OpenAPI contracts, proto services or AsyncAPI contracts to serve", input.label);
  // The CloudEvents SDK and NATS client load only for a registry with events.
  const events = eventContracts.length ? await import("../../src/mock/events.js") : undefined;
  const faults = { ...NO_FAULTS, latencyMs: args.latency, errorRate: args.errorRate, errorStatus: args.errorStatus, retryAfter: args.retryAfter };
  const warn = (message: string) => process.stderr.write(`charter mock: warning: ${message}\n`);
  const sink = events?.createEventSink(eventContracts, input, faults);
  const openapi = createMockHandler(contracts, input, faults, warn);
  // Publishing first: a broker that cannot be reached stops the mock before it serves anything.
  if (args.nats && events) await (await import("./events.js")).publishSamples(args.nats, events.sampleEvents(eventContracts), args.interval, (line) => process.stderr.write(`${line}\n`));
  // Proto services at /package.Service/Method over Connect, gRPC and gRPC-Web; every other path is
  // the events sink's or OpenAPI's, whose handlers read only what node's HTTP/1.1 and HTTP/2 requests share.
  const fallback: typeof openapi = (request, response) => {
    if (!sink?.handle(request, response)) openapi(request, response);
  };
  const server = createH2cServer(connectNodeAdapter({ routes: rpcRoutes(protos, warn), interceptors: [faultInterceptor(faults)], fallback: fallback as unknown as ConnectNodeAdapterOptions["fallback"] }));
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
  for (const contract of protos) process.stderr.write(`charter mock: ${contract.id} at http://${host}:${port}\n`);
  const stop = () => {
    server.closeAll();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
