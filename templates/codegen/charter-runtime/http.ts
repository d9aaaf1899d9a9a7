/*
 * The resilience runtime of charter-generated HTTP clients (`@charter/runtime/http`): each OpenAPI
 * package's client.ts describes each operation (method, path, timeout, retry policy, idempotency)
 * and sends it through `Runtime.send`, which enforces what the contract declares; Connect packages
 * send their unary calls through it too (`@charter/runtime/connect`). One module for the output
 * folder, so a `withDeadline` block bounds the calls of every client in it. Defaults, used where
 * the contract is silent:
 *
 * - timeout per attempt: 10 s (`x-charter-timeout`); no end-to-end deadline unless one is given
 *   (`CallOptions.deadline`/`timeoutMs`, or `withDeadline` around a block of calls);
 * - retries: 3 attempts, backoff 100 ms doubling to at most 2 s with full jitter (`x-charter-retry`),
 *   and only for idempotent operations: GET, HEAD, PUT, DELETE, OPTIONS, or any operation that
 *   carries an idempotency key;
 * - a `Retry-After` longer than 10 s (`ClientOptions.maxRetryAfterMs`) is not waited for: the caller
 *   gets the 429/503; nor is one that would pass the deadline;
 * - retry budget per client: retries may add at most 10% to the calls, plus a floor of 10;
 * - circuit breaker per operation (`breaker.scope: "client"` for one per client): opens after 5
 *   consecutive failed calls (no answer, or 5xx once the retries are spent), probes again after 30 s;
 * - bulkhead per client: at most 64 requests in flight, 256 waiting.
 *
 * Parameters and bodies are written as OpenAPI says (serialize.ts); responses are read by their
 * media type: JSON, text, binary (a Blob) or empty (undefined). A response whose media type the
 * contract does not declare for its status, or whose JSON does not parse, is a ProtocolError: the
 * server answered, so it is neither retried nor counted by the breaker.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { backoffMs, type RetryPolicy } from "./backoff.js";
import { retryAfterMs } from "./retry-after.js";
import { childTraceparent } from "./traceparent.js";
import { cookiePairs, headerValue, pathValue, queryPairs, requestBody, type BodySpec, type ParameterSpec } from "./serialize.js";

/**
 * An error status of an operation: `status`, the parsed `body` and the declared headers read as
 * `header`, typed per status in client.ts; the raw `headers` stay.
 */
export class ApiError<S extends number = number, B = unknown, H = Record<string, unknown>> extends Error {
  constructor(
    readonly operation: string,
    readonly status: S,
    readonly body: B,
    readonly headers: Headers,
    readonly header: H = {} as H,
  ) {
    super(`${operation} failed with HTTP ${status}`);
    this.name = "ApiError";
  }
}

/** The end-to-end deadline (or the caller's signal) ended the call. */
export class DeadlineExceededError extends Error {
  constructor(operation: string) {
    super(`${operation}: deadline exceeded`);
    this.name = "DeadlineExceededError";
  }
}

/** Every allowed attempt failed without a response: timeouts or broken connections. */
export class AttemptsFailedError extends Error {
  constructor(operation: string, readonly attempts: number, options: { cause: unknown }) {
    super(`${operation}: ${attempts} attempt(s) failed: ${String((options.cause as Error)?.message ?? options.cause)}`, options);
    this.name = "AttemptsFailedError";
  }
}

/** The server answered with a body that does not match the contract: retrying would not help. */
export class ProtocolError extends Error {
  constructor(operation: string, readonly status: number, message: string, readonly headers: Headers) {
    super(`${operation}: HTTP ${status}: ${message}`);
    this.name = "ProtocolError";
  }
}

/** The circuit breaker is open: the dependency failed repeatedly, so the call was not sent. */
export class CircuitOpenError extends Error {
  constructor(operation: string) {
    super(`${operation}: circuit open, request not sent`);
    this.name = "CircuitOpenError";
  }
}

/** The bulkhead's queue is full: too many calls are waiting for this client already. */
export class BulkheadFullError extends Error {
  constructor(operation: string) {
    super(`${operation}: too many calls waiting (bulkhead full)`);
    this.name = "BulkheadFullError";
  }
}

/** The body type of a response declared by openapi-typescript: its media types' union, or undefined. */
export type BodyOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

export type { RetryPolicy };

/** What client.ts knows about one operation, from the contract. */
export interface OperationSpec {
  name: string;
  method: string;
  path: string;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Safe to send more than once: an idempotent method, or an idempotency key. */
  idempotent: boolean;
  /** The header that carries the idempotency key, when the operation declares one. */
  idempotencyHeader?: string;
  /** How each parameter is serialised; undeclared ones are sent with the defaults of their location. */
  params?: readonly ParameterSpec[];
  /** The request body's media type and Encoding Object, when the operation takes a body. */
  body?: BodySpec;
  /** Declared media types by response key (`200`, `4XX`, `default`). */
  responses?: Readonly<Record<string, readonly string[]>>;
}

export interface ClientOptions {
  /** Required by the generated client's types when the contract names no absolute server. */
  baseUrl?: string;
  /** Sent with every request; per-call headers win. */
  headers?: Record<string, string>;
  /** Called before every attempt, to add credentials (a bearer token that may have been refreshed). */
  auth?: (request: { operation: string; url: URL; headers: Headers }) => void | Promise<void>;
  /** Replaces the global fetch (for instrumentation); it must honour `init.signal`. */
  fetch?: typeof fetch;
  retryBudget?: { ratio?: number; floor?: number };
  /** The longest `Retry-After` the client waits for; a longer one ends the call with its response. */
  maxRetryAfterMs?: number;
  /** `scope: "operation"` (the default) keeps one breaker per operation, `"client"` one for all. */
  breaker?: { failures?: number; resetMs?: number; scope?: "operation" | "client" };
  bulkhead?: { concurrency?: number; queue?: number };
}

export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** End-to-end deadline, epoch milliseconds; an inherited (`withDeadline`) one wins when earlier. */
  deadline?: number;
  /** End-to-end time budget in milliseconds, the same as `deadline: Date.now() + timeoutMs`. */
  timeoutMs?: number;
  /** W3C trace context of the caller: the trace id is kept, with a new span id. */
  traceparent?: string;
  headers?: Record<string, string>;
  /**
   * The idempotency key to send, in the header the contract names, else `Idempotency-Key`. It makes
   * the call retryable even for a POST. Operations that declare a key get a generated one by default.
   */
  idempotencyKey?: string;
}

export interface RawRequest {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  cookie?: Record<string, unknown>;
  body?: unknown;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

interface Context {
  deadline?: number;
  signal?: AbortSignal;
  traceparent?: string;
}

const context = new AsyncLocalStorage<Context>();

/**
 * Runs `work` under an end-to-end deadline (and trace context): every call made inside it, however
 * deeply nested, stops at the deadline, and a nested withDeadline can only shorten it.
 */
export function withDeadline<T>(options: { timeoutMs?: number; deadline?: number; signal?: AbortSignal; traceparent?: string }, work: () => Promise<T>): Promise<T> {
  const outer = context.getStore() ?? {};
  const own = options.deadline ?? (options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs);
  const deadline = earliest(outer.deadline, own);
  const signals = [outer.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  return context.run({ deadline, signal, traceparent: options.traceparent ?? outer.traceparent }, work);
}

/** The deadline, cancellation and trace context that `withDeadline` set around the current call, if any. */
export function inheritedContext(): Readonly<{ deadline?: number; signal?: AbortSignal; traceparent?: string }> {
  return context.getStore() ?? {};
}

/** A call's end-to-end deadline: its own (`deadline`, `timeoutMs`) or an inherited one, whichever is earlier. */
export function callDeadline(options: Pick<CallOptions, "deadline" | "timeoutMs">): number | undefined {
  const own = options.deadline ?? (options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs);
  return earliest(context.getStore()?.deadline, own);
}

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Statuses that say "try again later"; other statuses are the server's answer. */
const RETRYABLE_STATUS = new Set([408, 429, 502, 503, 504]);

/**
 * Retries may add at most `ratio` to the calls: each call earns `ratio` of a token, each retry costs
 * one, and the balance starts at (and never exceeds) `floor`, so a failing dependency sees at most
 * about `floor` extra requests, then `ratio` more per call, instead of a retry storm.
 */
class RetryBudget {
  #balance: number;
  constructor(readonly ratio: number, readonly floor: number) {
    this.#balance = floor;
  }
  deposit(): void {
    this.#balance = Math.min(this.floor, this.#balance + this.ratio);
  }
  withdraw(): boolean {
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }
}

/** Closed → open after `failures` consecutive failed calls → one half-open probe after `resetMs`. */
class CircuitBreaker {
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;
  constructor(readonly threshold: number, readonly resetMs: number) {}
  /** Whether a request may be sent now; in the half-open state only one probe at a time. */
  allow(): boolean {
    if (this.#openedAt === undefined) return true;
    if (Date.now() - this.#openedAt < this.resetMs || this.#probing) return false;
    this.#probing = true;
    return true;
  }
  success(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
    this.#probing = false;
  }
  failure(): void {
    this.#failures += 1;
    if (this.#probing || this.#failures >= this.threshold) this.#openedAt = Date.now();
    this.#probing = false;
  }
}

/** At most `concurrency` calls in flight; up to `queue` more wait their turn, in order. */
class Bulkhead {
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  constructor(readonly concurrency: number, readonly queue: number) {}
  async acquire(operation: string, signal: AbortSignal): Promise<() => void> {
    if (this.#active >= this.concurrency) {
      if (this.#waiting.length >= this.queue) throw new BulkheadFullError(operation);
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal.removeEventListener("abort", abandon);
          resolve();
        };
        const abandon = () => {
          this.#waiting.splice(this.#waiting.indexOf(turn), 1);
          reject(new DeadlineExceededError(operation));
        };
        this.#waiting.push(turn);
        signal.addEventListener("abort", abandon, { once: true });
      });
    } else {
      this.#active += 1;
    }
    // A waiter inherits the slot of the call that releases it, so #active only drops when none wait.
    return () => {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    };
  }
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    if (signal.aborted) stop();
    else signal.addEventListener("abort", stop, { once: true });
  });
}

/** The declaration of a parameter, or the defaults of its location for one the contract leaves out. */
function paramSpec(spec: OperationSpec, location: ParameterSpec["in"], name: string): ParameterSpec {
  return spec.params?.find((p) => p.in === location && p.name === name) ?? { name, in: location };
}

function urlOf(baseUrl: string, spec: OperationSpec, request: RawRequest): URL {
  const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValue(paramSpec(spec, "path", name), request.path?.[name]));
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  // Written as one string: URLSearchParams would re-encode what the styles chose to leave readable.
  const query = Object.entries(request.query ?? {}).flatMap(([name, value]) => queryPairs(paramSpec(spec, "query", name), value));
  if (query.length) url.search = query.join("&");
  return url;
}

/** The media types declared for a status: its own key, then its class (`4XX`), then `default`. */
function declaredTypes(spec: OperationSpec, status: number): readonly string[] | undefined {
  const responses = spec.responses ?? {};
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

/** `application/json` matches `application/json; charset=utf-8`; `text/*` and `*\/*` match by range. */
function mediaMatches(declared: string, actual: string): boolean {
  const [d, a] = [declared, actual].map((t) => t.split(";")[0].trim().toLowerCase());
  if (d === "*/*" || d === a) return true;
  return d.endsWith("/*") && a.startsWith(d.slice(0, -1));
}

const JSON_TYPE = /^application\/(?:[^;]*\+)?json\b/i;

/** The body by its media type: JSON parsed, text as a string, anything else a Blob; none: undefined. */
function parseBody(spec: OperationSpec, status: number, headers: Headers, bytes: ArrayBuffer): unknown {
  if (bytes.byteLength === 0) return undefined;
  const declared = declaredTypes(spec, status) ?? [];
  const type = headers.get("content-type") ?? declared[0] ?? "application/octet-stream";
  if (declared.length && !declared.some((d) => mediaMatches(d, type))) {
    throw new ProtocolError(spec.name, status, `content-type ${type} is not one the contract declares (${declared.join(", ")})`, headers);
  }
  if (JSON_TYPE.test(type.trim())) {
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new ProtocolError(spec.name, status, `the ${type} body does not parse: ${(error as Error).message}`, headers);
    }
  }
  if (/^text\//i.test(type.trim())) return new TextDecoder().decode(bytes);
  return new Blob([bytes], { type });
}

/** One per client: the budget and bulkhead are shared by all of the client's calls, breakers by operation. */
export class Runtime {
  readonly #options: ClientOptions;
  readonly #budget: RetryBudget;
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #bulkhead: Bulkhead;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#budget = new RetryBudget(options.retryBudget?.ratio ?? 0.1, options.retryBudget?.floor ?? 10);
    this.#bulkhead = new Bulkhead(options.bulkhead?.concurrency ?? 64, options.bulkhead?.queue ?? 256);
  }

  #breaker(operation: string): CircuitBreaker {
    const key = this.#options.breaker?.scope === "client" ? "" : operation;
    let breaker = this.#breakers.get(key);
    if (!breaker) this.#breakers.set(key, (breaker = new CircuitBreaker(this.#options.breaker?.failures ?? 5, this.#options.breaker?.resetMs ?? 30_000)));
    return breaker;
  }

  async send(spec: OperationSpec, request: RawRequest, options: CallOptions = {}): Promise<RawResponse> {
    const inherited = context.getStore() ?? {};
    const deadline = callDeadline(options);
    // One signal for the whole call: the caller's signals and the end-to-end deadline.
    const signals = [inherited.signal, options.signal].filter((s): s is AbortSignal => s !== undefined);
    if (deadline !== undefined) signals.push(AbortSignal.timeout(Math.max(0, deadline - Date.now())));
    const callSignal = signals.length ? AbortSignal.any(signals) : new AbortController().signal;
    const ended = () => new DeadlineExceededError(spec.name);

    this.#budget.deposit();
    const release = await this.#bulkhead.acquire(spec.name, callSignal);
    try {
      const url = urlOf(this.#options.baseUrl ?? "", spec, request);
      const headers = new Headers(this.#options.headers);
      for (const [name, value] of Object.entries(request.header ?? {})) {
        const text = headerValue(paramSpec(spec, "header", name), value);
        if (text !== undefined) headers.set(name, text);
      }
      const cookies = Object.entries(request.cookie ?? {}).flatMap(([name, value]) => cookiePairs(paramSpec(spec, "cookie", name), value));
      if (cookies.length) headers.append("cookie", cookies.join("; "));
      for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
      headers.set("traceparent", childTraceparent(options.traceparent ?? inherited.traceparent));
      // One key per call, the same on every retry, so the server applies the operation once. A
      // caller's key is sent even where the contract names no header, and makes the call retryable.
      const keyHeader = spec.idempotencyHeader ?? (options.idempotencyKey !== undefined ? "Idempotency-Key" : undefined);
      if (keyHeader && !headers.has(keyHeader)) headers.set(keyHeader, options.idempotencyKey ?? randomUUID());
      const idempotent = spec.idempotent || options.idempotencyKey !== undefined;
      let body: BodyInit | undefined;
      if (request.body !== undefined) {
        const bodySpec = spec.body ?? { type: "application/json" };
        body = requestBody(bodySpec, request.body);
        // FormData sets its own content type, with the multipart boundary.
        if (!(body instanceof FormData)) headers.set("content-type", bodySpec.type);
      }

      const breaker = this.#breaker(spec.name);
      if (!breaker.allow()) throw new CircuitOpenError(spec.name);
      let failed = true;
      try {
        for (let attempt = 1; ; attempt += 1) {
          if (callSignal.aborted) throw ended();
          await this.#options.auth?.({ operation: spec.name, url, headers });
          let outcome: { status: number; headers: Headers; bytes: ArrayBuffer } | { error: unknown };
          try {
            const attemptSignal = AbortSignal.any([callSignal, AbortSignal.timeout(spec.timeoutMs)]);
            const init: RequestInit & { duplex?: "half" } = { method: spec.method, headers, body, signal: attemptSignal };
            if (body instanceof ReadableStream) init.duplex = "half";
            const response = await (this.#options.fetch ?? fetch)(url, init);
            // The body is read within the attempt, so a body that stalls or breaks off is a failed attempt too.
            outcome = { status: response.status, headers: response.headers, bytes: await response.arrayBuffer() };
          } catch (error) {
            if (callSignal.aborted) throw ended();
            outcome = { error };
          }
          if (!("error" in outcome) && !RETRYABLE_STATUS.has(outcome.status)) {
            failed = outcome.status >= 500;
            return { status: outcome.status, headers: outcome.headers, body: parseBody(spec, outcome.status, outcome.headers, outcome.bytes) };
          }
          const wait = "error" in outcome ? undefined : retryAfterMs(outcome.headers.get("retry-after"));
          const delay = wait ?? backoffMs(spec.retry, attempt - 1);
          const late = deadline !== undefined && Date.now() + delay >= deadline;
          const tooLong = wait !== undefined && wait > (this.#options.maxRetryAfterMs ?? 10_000);
          // A body stream can be sent once only.
          const resendable = !(body instanceof ReadableStream);
          if (!idempotent || !resendable || attempt >= spec.retry.attempts || late || tooLong || !this.#budget.withdraw()) {
            if ("error" in outcome) throw new AttemptsFailedError(spec.name, attempt, { cause: outcome.error });
            failed = outcome.status >= 500;
            return { status: outcome.status, headers: outcome.headers, body: parseBody(spec, outcome.status, outcome.headers, outcome.bytes) };
          }
          try {
            await sleep(delay, callSignal);
          } catch {
            throw ended();
          }
        }
      } catch (error) {
        // The server answered: a body that breaks the contract says nothing of its availability.
        if (error instanceof ProtocolError) failed = false;
        throw error;
      } finally {
        if (failed) breaker.failure();
        else breaker.success();
      }
    } finally {
      release();
    }
  }
}
