/*
 * The gRPC / Connect side of a charter-generated client. Every unary call goes through
 * `Runtime.send` of `@charter/runtime/http` (the same engine as the OpenAPI clients), so the policy is one implementation:
 *
 * - timeout per call: 10 s unless the contract or the call says otherwise; an inherited deadline
 *   (`withDeadline` around a block of calls) wins when it is earlier;
 * - retries: only for the code UNAVAILABLE, and only for RPCs whose `idempotency_level` is
 *   NO_SIDE_EFFECTS or IDEMPOTENT; 3 attempts, backoff 100 ms doubling to at most 2 s with full
 *   jitter; a retry budget shared by all calls of the client;
 * - the time left until the deadline reaches the server on every attempt (`Connect-Timeout-Ms`,
 *   `grpc-timeout`), so it can stop work nobody waits for;
 * - circuit breaker per RPC and bulkhead per client, W3C `traceparent` sent with every call;
 * - streaming RPCs (server, client, bidi) go through Connect's own client with the same deadline
 *   (only an explicit or inherited one: a stream may last), cancellation and trace context; they
 *   are never retried, nor counted by the breaker.
 *
 * Errors are `ConnectError`s: the server's own, or DEADLINE_EXCEEDED, or UNAVAILABLE when the
 * circuit is open or the bulkhead full.
 *
 * This module imports @bufbuild/protobuf and @connectrpc/* for their types only; the generated
 * package hands in its own Connect library (`ConnectLibrary`). npm links `file:../charter-runtime`,
 * and Node resolves a linked package's imports from where it lies, charter-runtime/, whose
 * node_modules holds a copy of its own once `npm install` ran there: importing Connect here would
 * load a second ConnectError class beside the one the package exports.
 */
import type { DescMessage, DescMethodUnary, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
import type * as Connect from "@connectrpc/connect";
import type { Code, ConnectError, CallOptions as ConnectCallOptions, Interceptor, Transport } from "@connectrpc/connect";
import type * as ConnectNode from "@connectrpc/connect-node";
import type { RetryPolicy } from "./backoff.js";
import { BulkheadFullError, callDeadline, CircuitOpenError, DeadlineExceededError, inheritedContext, Runtime, type CallOptions, type ClientOptions } from "./http.js";
import { childTraceparent } from "./traceparent.js";

export type Protocol = "connect" | "grpc" | "grpc-web";

export interface RpcClientOptions extends Omit<ClientOptions, "baseUrl" | "fetch"> {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string;
  /** The wire protocol; `connect` by default. */
  protocol?: Protocol;
  /** HTTP/1.1 or HTTP/2; gRPC always uses HTTP/2, the others HTTP/1.1 unless told. */
  httpVersion?: "1.1" | "2";
  /** Binary protobuf instead of JSON (Connect and gRPC-Web; gRPC is always binary). */
  useBinaryFormat?: boolean;
  /** Run around every request of the transport built from the options above, with any protocol. */
  interceptors?: Interceptor[];
  /** Replaces the transport built from the options above (its own interceptors apply then). */
  transport?: Transport;
}

/** What a call may add to the runtime's options: the response's headers and trailers, as Connect's own clients give them. */
export interface RpcCallOptions extends CallOptions {
  onHeader?: (headers: Headers) => void;
  onTrailer?: (trailers: Headers) => void;
}

/** What client.ts knows about one RPC, from the contract. */
export interface RpcSpec {
  /** `package.Service/Method`. */
  name: string;
  timeoutMs: number;
  retry: RetryPolicy;
  /** `idempotency_level` NO_SIDE_EFFECTS or IDEMPOTENT: safe to send again. */
  idempotent: boolean;
}

/** What the runtime calls of Connect: the generated package's own @connectrpc/connect and connect-node. */
export type ConnectLibrary = Pick<typeof Connect, "Code" | "ConnectError"> &
  Pick<typeof ConnectNode, "createConnectTransport" | "createGrpcTransport" | "createGrpcWebTransport">;

export function createTransport(options: RpcClientOptions, connect: ConnectLibrary): Transport {
  if (options.transport) return options.transport;
  const { createConnectTransport, createGrpcTransport, createGrpcWebTransport } = connect;
  const common = { baseUrl: options.baseUrl, useBinaryFormat: options.useBinaryFormat, interceptors: options.interceptors };
  switch (options.protocol ?? "connect") {
    case "grpc":
      return createGrpcTransport({ baseUrl: options.baseUrl, interceptors: options.interceptors });
    case "grpc-web":
      return options.httpVersion === "2" ? createGrpcWebTransport({ ...common, httpVersion: "2" }) : createGrpcWebTransport({ ...common, httpVersion: "1.1" });
    default:
      return options.httpVersion === "2" ? createConnectTransport({ ...common, httpVersion: "2" }) : createConnectTransport({ ...common, httpVersion: "1.1" });
  }
}

/**
 * Status codes the runtime understands: UNAVAILABLE becomes 503 (retryable), server faults 500 (the
 * breaker counts them, nothing retries them), everything else 400 (the server's answer).
 */
function statusOf(code: Code, { Code }: ConnectLibrary): number {
  if (code === Code.Unavailable) return 503;
  return [Code.Unknown, Code.Internal, Code.DataLoss, Code.Unimplemented, Code.DeadlineExceeded].includes(code) ? 500 : 400;
}

/** Larger than any call's deadline: the runtime's per-attempt timeout is not used for RPCs. */
const NO_ATTEMPT_TIMEOUT = 2_147_483_647;

/** One per client: the transport, and the runtime whose budget, breaker and bulkhead the calls share. */
export class RpcRuntime {
  readonly transport: Transport;
  readonly #runtime: Runtime;
  readonly #connect: ConnectLibrary;

  constructor(options: RpcClientOptions, connect: ConnectLibrary) {
    this.#connect = connect;
    this.transport = createTransport(options, connect);
    // The runtime's fetch is never the network: `unary` hands it a closure that makes the RPC.
    this.#runtime = new Runtime({ ...options, fetch: (_url, init) => this.#attempt(init) });
  }

  #pending = new Map<string, (signal: AbortSignal, headers: Headers) => Promise<Response>>();

  #attempt(init: RequestInit | undefined): Promise<Response> {
    const headers = new Headers(init?.headers);
    const id = headers.get("x-charter-call") ?? "";
    headers.delete("x-charter-call");
    const run = this.#pending.get(id);
    if (!run) return Promise.reject(new Error("charter: unknown call"));
    return run(init?.signal ?? new AbortController().signal, headers);
  }

  /** Connect's call options for a streaming call: the deadline, the callers' signals, a child traceparent. */
  streamOptions(options: RpcCallOptions = {}): ConnectCallOptions {
    const inherited = inheritedContext();
    const deadline = callDeadline(options);
    const signals = [inherited.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    return {
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      timeoutMs: deadline === undefined ? undefined : Math.max(1, deadline - Date.now()),
      headers: { ...options.headers, traceparent: childTraceparent(options.traceparent ?? inherited.traceparent) },
      onHeader: options.onHeader,
      onTrailer: options.onTrailer,
    };
  }

  async unary<I extends DescMessage, O extends DescMessage>(
    method: DescMethodUnary<I, O>,
    spec: RpcSpec,
    request: MessageInitShape<I>,
    options: RpcCallOptions = {},
  ): Promise<MessageShape<O>> {
    const { Code, ConnectError } = this.#connect;
    const id = crypto.randomUUID();
    const { onHeader: _header, onTrailer: _trailer, ...runtimeOptions } = options;
    const callOptions = { ...runtimeOptions, timeoutMs: options.timeoutMs ?? (options.deadline === undefined ? spec.timeoutMs : undefined) };
    const deadline = callDeadline(callOptions);
    let result: MessageShape<O> | undefined;
    let failure: ConnectError | undefined;
    this.#pending.set(id, async (signal, headers) => {
      try {
        const timeoutMs = deadline === undefined ? undefined : Math.max(1, deadline - Date.now());
        const response = await this.transport.unary(method, signal, timeoutMs, headers, request);
        result = response.message;
        options.onHeader?.(response.header);
        options.onTrailer?.(response.trailer);
        failure = undefined;
        return new Response(null, { status: 204 });
      } catch (error) {
        if (signal.aborted) throw error;
        failure = ConnectError.from(error);
        return new Response(null, { status: statusOf(failure.code, this.#connect) });
      }
    });
    try {
      const response = await this.#runtime.send(
        { name: spec.name, method: "POST", path: `/${spec.name}`, timeoutMs: NO_ATTEMPT_TIMEOUT, retry: spec.retry, idempotent: spec.idempotent },
        {},
        { ...callOptions, deadline, timeoutMs: undefined, headers: { ...options.headers, "x-charter-call": id } },
      );
      if (response.status === 204 && result !== undefined) return result;
      throw failure ?? new ConnectError(`${spec.name}: HTTP ${response.status}`, Code.Unknown);
    } catch (error) {
      if (error instanceof ConnectError) throw error;
      if (error instanceof DeadlineExceededError) throw new ConnectError(error.message, Code.DeadlineExceeded, undefined, undefined, error);
      if (error instanceof CircuitOpenError || error instanceof BulkheadFullError) throw new ConnectError(error.message, Code.Unavailable, undefined, undefined, error);
      throw failure ?? ConnectError.from(error);
    } finally {
      this.#pending.delete(id);
    }
  }
}
