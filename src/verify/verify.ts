import type { Finding } from "../compat/finding.js";
import type { OpenApiContract, ProtoContract } from "../contracts/contract.js";
import { InputError } from "../errors.js";
import { httpOperationsOf, schemasOf } from "../http/operations.js";
import { compileValidators } from "../http/validator.js";
import { CONFIG_FILE, loadConfig } from "../registry/config.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import { finaliseReport } from "../report/finalise.js";
import type { Report } from "../report/report.js";
import { casesOf } from "./cases.js";
import { checkCase } from "./check-case.js";
import type { ReceivedResponse } from "./check-response.js";
import type { VerifyRequest } from "./request.js";
import { verifyRpcs, type RpcTransport } from "./rpc.js";
import { verifyFinding } from "./finding.js";

/** A contract and the base URL of the running service that claims to implement it. */
export interface VerifyTarget {
  contract: OpenApiContract | ProtoContract;
  url: string;
}

export interface VerifyOptions {
  /** Also send POST, PUT, PATCH and DELETE requests, which may change the service's data. */
  allowUnsafe: boolean;
  /** How a request travels: the shell (cli/run/verify.ts) sends it, so the core does no I/O. */
  send: (request: VerifyRequest) => Promise<ReceivedResponse>;
  /** How an RPC of a proto contract travels to the service at a URL (Connect, gRPC or gRPC-Web), made by the shell. */
  transport: (url: string) => RpcTransport;
}

/** Methods that change nothing on the server (RFC 9110), sent by default. */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * `charter verify`: drives each target service from its contract, the cases of cases.ts per operation
 * (safe methods unless `allowUnsafe`) or each RPC (rpc.ts), and reports every way a response breaks the contract as a
 * `verify` finding located at the contract's line for it. A service that cannot be reached stops
 * the run (exit 2): that is a broken set-up, not a finding. `skipped` lists the unsafe operations not sent,
 * `rpcsSkipped` the RPCs not verified, each with its reason.
 */
export async function runVerify(input: Snapshot, targets: VerifyTarget[], options: VerifyOptions): Promise<{ report: Report; skipped: string[]; rpcsSkipped: string[] }> {
  const { send } = options;
  const config = loadConfig(input.files, joinPath(input.base, CONFIG_FILE));
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const rpcsSkipped: string[] = [];
  for (const { contract, url } of targets) {
    if (contract.kind === "proto") {
      const found = await verifyRpcs(input, contract, url, options.transport(url));
      findings.push(...found.findings);
      rpcsSkipped.push(...found.skipped);
      continue;
    }
    const operations = httpOperationsOf(contract).filter((op) => {
      const sent = options.allowUnsafe || SAFE.has(op.method);
      if (!sent) skipped.push(`${contract.id}: ${op.label}`);
      return sent;
    });
    const validate = compileValidators(contract, input, operations.flatMap(schemasOf));
    const seen = new Set<string>();
    for (const operation of operations) for (const sent of casesOf(operation, contract.schemas, url, validate)) {
      const { request } = sent;
      let response: ReceivedResponse;
      try {
        response = await send(request);
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new InputError(`${operation.label}: cannot reach ${request.method} ${request.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
      }
      for (const problem of checkCase(operation, sent, response, validate)) {
        const finding = verifyFinding({ ...problem, location: contract.schemas.location(problem.at) }, contract, url, input.base);
        // Cases of one operation often break it the same way: reported once.
        if (!seen.has(finding.fingerprint)) findings.push(finding);
        seen.add(finding.fingerprint);
      }
    }
  }
  const contracts = targets.map(({ contract }) => ({ id: contract.id, kind: contract.kind, path: contract.path, change: "unchanged" as const, mode: config.compatibility.api }));
  return { report: finaliseReport({ input: input.label, against: targets.map((t) => t.url), contracts, findings }), skipped, rpcsSkipped };
}
