import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import type { Transport } from "@connectrpc/connect";
import type { OpenApiContract, ProtoContract } from "../../src/contracts/contract.js";
import { loadRegistry } from "../../src/contracts/load-registry.js";
import { InputError } from "../../src/errors.js";
import { readInput } from "../../src/registry/resolve.js";
import type { ReceivedResponse } from "../../src/verify/check-response.js";
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
}

/** Stops a request to a service that hangs, rather than the whole run. */
const TIMEOUT_MS = 30_000;

async function send(request: VerifyRequest): Promise<ReceivedResponse> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, headers: new Map(response.headers), body: await response.text() };
}

/** The RPCs' transport: binary messages; gRPC over cleartext HTTP/2 (h2c), as it requires, the others over HTTP/1.1. */
function transportFor(protocol: VerifyArgs["protocol"]): (url: string) => Transport {
  const options = { useBinaryFormat: true, defaultTimeoutMs: TIMEOUT_MS };
  if (protocol === "grpc") return (baseUrl) => createGrpcTransport({ baseUrl, ...options });
  if (protocol === "grpc-web") return (baseUrl) => createGrpcWebTransport({ baseUrl, httpVersion: "1.1", ...options });
  return (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1", ...options });
}

/** `CONTRACT=URL`, the contract named by its id or its registry path. */
function targetOf(text: string, contracts: (OpenApiContract | ProtoContract)[]): VerifyTarget {
  const at = text.indexOf("=");
  if (at <= 0) throw new InputError(`--target ${text}: expected CONTRACT=URL`);
  const name = text.slice(0, at);
  const url = text.slice(at + 1);
  if (!/^https?:\/\/[^/]/.test(url)) throw new InputError(`--target ${text}: the URL must start with http:// or https://`);
  const contract = contracts.find((c) => c.id === name || c.path === name);
  if (!contract) {
    const ids = contracts.map((c) => c.id);
    throw new InputError(`--target ${text}: no OpenAPI or proto contract ${JSON.stringify(name)}${didYouMean(name, ids)} (contracts: ${ids.join(", ") || "none"})`);
  }
  return { contract, url };
}

export async function runVerifyCommand(args: VerifyArgs): Promise<void> {
  const outputs = parseFormats(args.format, readPaths(args.registry, undefined, process.cwd()));
  const input = readInput(args.registry, process.cwd());
  const registry = await loadRegistry(input, { validate: false });
  const openapi = registry.documents.flatMap((c) => (c.kind === "openapi" ? [c] : []));
  // The proto build (buf) runs only when a target may name a proto package.
  const protos = args.target.every((t) => openapi.some((c) => t.startsWith(`${c.id}=`) || t.startsWith(`${c.path}=`))) ? [] : (await registry.protos()).filter((c) => c.api);
  const contracts = [...openapi, ...protos];
  const targets = args.target.map((text) => targetOf(text, contracts));
  progress("sending requests…");
  const { report, skipped, rpcsSkipped } = await runVerify(input, targets, { allowUnsafe: args.allowUnsafe, send, transport: transportFor(args.protocol) });
  progressDone();
  // A handful are named; Stripe's 252 would drown the log.
  if (skipped.length) {
    const named = skipped.length <= 5 ? `: ${skipped.join("; ")}` : "";
    process.stderr.write(`charter verify: ${skipped.length} unsafe operation${skipped.length === 1 ? "" : "s"} not sent (--allow-unsafe sends them)${named}\n`);
  }
  if (rpcsSkipped.length) process.stderr.write(`charter verify: ${rpcsSkipped.length} RPC${rpcsSkipped.length === 1 ? "" : "s"} not verified: ${rpcsSkipped.join("; ")}\n`);
  process.exitCode = await writeReport(report, outputs, args, input.base);
}
