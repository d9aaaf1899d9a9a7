import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import type { RpcTransport } from "../../src/verify/rpc.js";
import type { AsyncApiContract, OpenApiContract, ProtoContract } from "../../src/contracts/contract.js";
import { loadRegistry } from "../../src/contracts/load-registry.js";
import { InputError } from "../../src/errors.js";
import { readInput } from "../../src/registry/resolve.js";
import type { ReceivedResponse } from "../../src/verify/check-response.js";
import type { EventTarget } from "../../src/verify/events.js";
import type { VerifyRequest } from "../../src/verify/request.js";
import { runVerify, type VerifyTarget } from "../../src/verify/verify.js";
import { parseFormats, readPaths, writeReport } from "../output.js";
import { progress, progressDone } from "../progress.js";
import type { ReportArgs } from "../report-options.js";
import { didYouMean } from "../suggest.js";

export interface VerifyArgs extends ReportArgs {
  registry: string;
  target: string[];
  allowUnsafe: boolean;
  protocol: "connect" | "grpc" | "grpc-web";
  window: number;
  events?: number;
}

/** Stops a request to a service that hangs, rather than the whole run. */
const TIMEOUT_MS = 30_000;

async function send(request: VerifyRequest): Promise<ReceivedResponse> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, headers: new Map(response.headers), body: await response.text() };
}

/**
 * The RPCs' transport: binary messages; gRPC over cleartext HTTP/2 (h2c), as it requires, the
 * others over HTTP/1.1, which any connect-node server speaks but which cannot carry bidi streams.
 */
function transportFor(protocol: VerifyArgs["protocol"]): (url: string) => RpcTransport {
  const options = { useBinaryFormat: true, defaultTimeoutMs: TIMEOUT_MS };
  if (protocol === "grpc") return (baseUrl) => ({ transport: createGrpcTransport({ baseUrl, ...options }), fullDuplex: true });
  if (protocol === "grpc-web") return (baseUrl) => ({ transport: createGrpcWebTransport({ baseUrl, httpVersion: "1.1", ...options }), fullDuplex: false });
  return (baseUrl) => ({ transport: createConnectTransport({ baseUrl, httpVersion: "1.1", ...options }), fullDuplex: false });
}

/**
 * `CONTRACT=URL`, the contract named by its id or its registry path. An OpenAPI or proto contract's
 * URL is the service's base URL; an AsyncAPI contract's is the NATS server its service publishes to
 * (`nats://`), or the address charter's HTTP sink listens on for the service's events (`http://`).
 */
function targetOf(text: string, contracts: (OpenApiContract | ProtoContract | AsyncApiContract)[]): VerifyTarget | EventTarget {
  const at = text.indexOf("=");
  if (at <= 0) throw new InputError(`--target ${text}: expected CONTRACT=URL`);
  const name = text.slice(0, at);
  const url = text.slice(at + 1);
  const contract = contracts.find((c) => c.id === name || c.path === name);
  if (!contract) {
    const ids = contracts.map((c) => c.id);
    throw new InputError(`--target ${text}: no OpenAPI, proto or AsyncAPI contract ${JSON.stringify(name)}${didYouMean(name, ids)} (contracts: ${ids.join(", ") || "none"})`);
  }
  if (contract.kind === "asyncapi") {
    if (!/^(nats|http):\/\/[^/]/.test(url)) throw new InputError(`--target ${text}: an AsyncAPI contract's URL must start with nats:// (its service's broker) or http:// (where charter's sink listens)`);
    return { contract, url };
  }
  if (!/^https?:\/\/[^/]/.test(url)) throw new InputError(`--target ${text}: the URL must start with http:// or https://`);
  return { contract, url };
}

export async function runVerifyCommand(args: VerifyArgs): Promise<void> {
  const outputs = parseFormats(args.format, readPaths(args.registry, undefined, process.cwd()));
  const input = readInput(args.registry, process.cwd());
  if (!(args.window >= 0)) throw new InputError(`--window must be a number of milliseconds, not ${args.window}`);
  if (args.events !== undefined && !(Number.isInteger(args.events) && args.events > 0)) throw new InputError(`--events must be a positive whole number, not ${args.events}`);
  const registry = await loadRegistry(input, { validate: false });
  const documents = registry.documents.flatMap((c) => (c.kind === "openapi" || c.kind === "asyncapi" ? [c] : []));
  // The proto build (buf) runs only when a target may name a proto package.
  const protos = args.target.every((t) => documents.some((c) => t.startsWith(`${c.id}=`) || t.startsWith(`${c.path}=`))) ? [] : (await registry.protos()).filter((c) => c.api);
  const all = args.target.map((text) => targetOf(text, [...documents, ...protos]));
  const targets = all.filter((t): t is VerifyTarget => t.contract.kind !== "asyncapi");
  const eventTargets = all.filter((t): t is EventTarget => t.contract.kind === "asyncapi");
  progress("sending requests…");
  const { report: requests, skipped, rpcsSkipped } = await runVerify(input, targets, { allowUnsafe: args.allowUnsafe, send, transport: transportFor(args.protocol) });
  progressDone();
  // The CloudEvents SDK and NATS client load only for event targets.
  const window = { windowMs: args.window, events: args.events };
  const report = eventTargets.length ? await (await import("./events.js")).verifyEvents(input, eventTargets, window, targets.length ? requests : undefined) : requests;
  // A handful are named; Stripe's 252 would drown the log.
  if (skipped.length) {
    const named = skipped.length <= 5 ? `: ${skipped.join("; ")}` : "";
    process.stderr.write(`charter verify: ${skipped.length} unsafe operation${skipped.length === 1 ? "" : "s"} not sent (--allow-unsafe sends them)${named}\n`);
  }
  if (rpcsSkipped.length) process.stderr.write(`charter verify: ${rpcsSkipped.length} RPC${rpcsSkipped.length === 1 ? "" : "s"} not verified: ${rpcsSkipped.join("; ")}\n`);
  process.exitCode = await writeReport(report, outputs, args, input.base);
}
