import type { DescMethod, Message } from "@bufbuild/protobuf";
import { Code, ConnectError, type ConnectRouter, type Interceptor } from "@connectrpc/connect";
import { codeFromHttpStatus } from "@connectrpc/connect/protocol-connect";
import { createValidator, type Validator } from "@bufbuild/protovalidate";
import type { ProtoContract } from "../contracts/contract.js";
import { sampleMessage } from "../rpc/sample-message.js";
import { injectedError, type FaultOptions } from "./faults.js";

/** How many messages a server-streaming RPC of the mock sends. */
const STREAMED = 2;

/**
 * The mock's routes for the services of proto contracts, served by connect-node over Connect, gRPC
 * and gRPC-Web: a request that breaks its protovalidate rules is refused with InvalidArgument,
 * naming the violations; otherwise a unary or client-streaming RPC answers one synthesised message
 * of its output type (after reading the requests), a server-streaming one sends two, a bidi one
 * answers each request. An answer that breaks its own rules is still sent, and `warn` says so once per RPC.
 */
export function rpcRoutes(contracts: ProtoContract[], warn: (message: string) => void = () => {}): (router: ConnectRouter) => void {
  const validators = new Map<ProtoContract["image"], Validator>();
  const validatorOf = (contract: ProtoContract) => {
    let validator = validators.get(contract.image);
    if (!validator) validators.set(contract.image, (validator = createValidator({ registry: contract.image.registry })));
    return validator;
  };
  return (router) => {
    for (const contract of contracts) {
      const validator = validatorOf(contract);
      for (const service of contract.files.flatMap((f) => f.services)) for (const method of service.methods) router.rpc(method, implOf(method, validator, warn) as never);
    }
  };
}

function implOf(method: DescMethod, validator: Validator, warn: (message: string) => void) {
  const name = `${method.parent.typeName}/${method.name}`;
  const check = (request: Message) => {
    const result = validator.validate(method.input, request);
    if (result.kind === "invalid") throw new ConnectError(`${name}: ${result.error.message}`, Code.InvalidArgument);
  };
  let answer: Message | undefined;
  const answerOf = (): Message => {
    if (!answer) {
      answer = sampleMessage(method.output);
      const result = validator.validate(method.output, answer);
      if (result.kind === "invalid") warn(`${name}: the answer the mock sends breaks its rules: ${result.error.message}`);
    }
    return answer;
  };
  const readAll = async (requests: AsyncIterable<Message>) => {
    for await (const request of requests) check(request);
  };
  switch (method.methodKind) {
    case "unary":
      return (request: Message) => (check(request), answerOf());
    case "server_streaming":
      return async function* (request: Message) {
        check(request);
        for (let i = 0; i < STREAMED; i++) yield answerOf();
      };
    case "client_streaming":
      return async (requests: AsyncIterable<Message>) => (await readAll(requests), answerOf());
    case "bidi_streaming":
      return async function* (requests: AsyncIterable<Message>) {
        for await (const request of requests) {
          check(request);
          yield answerOf();
        }
      };
  }
}

/**
 * The mock's faults for RPCs: the latency before each call, and the injected error as the Connect
 * code a client reads from that HTTP status (503 is Unavailable, 429 too), with its Retry-After.
 */
export function faultInterceptor(faults: FaultOptions): Interceptor {
  return (next) => async (request) => {
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const fault = injectedError(faults);
    if (fault) throw new ConnectError("an error charter mock was asked to inject", codeFromHttpStatus(fault.status), fault.headers);
    return next(request);
  };
}
