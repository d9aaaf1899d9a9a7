import type { DescMethod, Message } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { Code, ConnectError, createClient, type Transport } from "@connectrpc/connect";
import { createValidator } from "@bufbuild/protovalidate";
import type { Finding } from "../compat/finding.js";
import type { ProtoContract } from "../contracts/contract.js";
import { protoLocation } from "../contracts/proto/location.js";
import { InputError } from "../errors.js";
import type { Snapshot } from "../registry/snapshot.js";
import type { VerifyRuleId } from "../rules/catalog.js";
import { sampleMessage } from "../rpc/sample-message.js";
import { verifyFinding } from "./finding.js";

/** A response that breaks its rules in many places is reported by its first violations. */
const MAX_VIOLATIONS = 10;

/** How many requests a client- or bidi-streaming RPC is sent. */
const STREAMED = 2;

/** Errors the client raises itself when the response's bytes are not the output message (protobuf-es and connect's wording). */
const UNDECODABLE = /^(parse binary: |cannot decode )/;

/** Socket errors that mean nothing answers at the URL: a broken set-up, not a finding. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"]);

/** How the RPCs travel to a service, made by the shell; bidi-streaming ones need a full-duplex (HTTP/2) one. */
export interface RpcTransport {
  transport: Transport;
  fullDuplex: boolean;
}

interface RpcProblem {
  rule: VerifyRuleId;
  message: string;
  /** A field path in the output message, for a rule violation. */
  field?: string;
}

/**
 * Calls each RPC of a proto contract once through `transport` (the shell makes it, for Connect,
 * gRPC or gRPC-Web, so the core does no I/O), with a synthesised request that meets its
 * protovalidate rules (a stream of two for client- and bidi-streaming RPCs), and reports as
 * `verify` findings an RPC the service does not implement, an error answer, and a response that
 * does not decode as the output message or breaks its rules. `skipped` lists the RPCs not
 * verified, and why: bidi-streaming ones over HTTP/1.1, and those refused InvalidArgument when the
 * synthesised request breaks its own rules.
 */
export async function verifyRpcs(input: Snapshot, contract: ProtoContract, url: string, { transport, fullDuplex }: RpcTransport): Promise<{ findings: Finding[]; skipped: string[] }> {
  const validator = createValidator({ registry: contract.image.registry });
  const findings: Finding[] = [];
  const skipped: string[] = [];
  for (const service of contract.files.flatMap((f) => f.services)) {
    const client = createClient(service, transport) as unknown as Record<string, Rpc>;
    for (const method of service.methods) {
      const element = `${service.typeName}/${method.name}`;
      if (method.methodKind === "bidi_streaming" && !fullDuplex) {
        skipped.push(`${contract.id}: ${element} (bidi-streaming needs HTTP/2: verify it with --protocol grpc)`);
        continue;
      }
      const problems: RpcProblem[] = [];
      const request = sampleMessage(method.input);
      try {
        for (const response of await call(client[method.localName], method, request)) {
          const result = validator.validate(method.output, response);
          if (result.kind !== "invalid") continue;
          for (const v of result.violations.slice(0, MAX_VIOLATIONS)) {
            problems.push({ rule: "rpc-response-invalid", field: pathToString(v.field), message: `${element} answered a ${method.output.typeName} that breaks its rules at ${pathToString(v.field)}: ${v.message} [${v.ruleId}]` });
          }
          break;
        }
      } catch (error) {
        const problem = problemOf(error, method, element, url);
        // A request the synthesiser could not make valid (a `pattern`, a CEL rule) is refused rightly.
        if (ConnectError.from(error).code === Code.InvalidArgument && validator.validate(method.input, request).kind === "invalid") {
          skipped.push(`${contract.id}: ${element} (no request that meets its rules could be made)`);
          continue;
        }
        problems.push(problem);
      }
      const location = protoLocation(contract.image, method);
      for (const problem of problems) {
        const key = problem.field ? `${element} #${problem.field}` : element;
        findings.push(verifyFinding({ rule: problem.rule, message: problem.message, location, element: key }, contract, url, input.base));
      }
    }
  }
  return { findings, skipped };
}

type Rpc = (request: Message | AsyncIterable<Message>) => Promise<Message> | AsyncIterable<Message>;

/** Every response of one call of an RPC of any kind; a streaming request sends `request` STREAMED times. */
async function call(rpc: Rpc, method: DescMethod, request: Message): Promise<Message[]> {
  const streaming = method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming";
  const answer = rpc(streaming ? requests(request) : request);
  if (method.methodKind === "unary" || method.methodKind === "client_streaming") return [await (answer as Promise<Message>)];
  const responses: Message[] = [];
  for await (const response of answer as AsyncIterable<Message>) responses.push(response);
  return responses;
}

async function* requests(request: Message): AsyncIterable<Message> {
  for (let i = 0; i < STREAMED; i++) yield request;
}

function problemOf(error: unknown, method: DescMethod, element: string, url: string): RpcProblem {
  const connect = ConnectError.from(error);
  const cause = (connect.cause ?? (error as { cause?: unknown }).cause) as { code?: string } | undefined;
  if (cause?.code && UNREACHABLE.has(cause.code)) throw new InputError(`${element}: cannot reach ${url}: ${cause.code}`);
  if (connect.code === Code.Unimplemented) return { rule: "rpc-unimplemented", message: `${element} is not implemented: the service answered Unimplemented (${connect.rawMessage})` };
  if (UNDECODABLE.test(connect.rawMessage)) return { rule: "rpc-response-invalid", message: `${element} answered with a response that does not decode as ${method.output.typeName}: ${connect.rawMessage}` };
  return { rule: "rpc-error", message: `${element} answered a valid request with ${Code[connect.code]}: ${connect.rawMessage}` };
}
