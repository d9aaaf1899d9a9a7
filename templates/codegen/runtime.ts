/*
 * The resilience runtime of a charter-generated client: the generated client.ts describes each
 * operation (method, path, timeout, retry policy, idempotency) and sends it through `Runtime.send`,
 * which enforces what the contract declares. Defaults, used where the contract is silent:
 *
 * - timeout per attempt: 10 s (`x-charter-timeout`); no end-to-end deadline unless one is given
 *   (`CallOptions.deadline`/`timeoutMs`, or `withDeadline` around a block of calls);
 * - retries: 3 attempts, backoff 100 ms doubling to at most 2 s with full jitter (`x-charter-retry`),
 *   and only for idempotent operations: GET, HEAD, PUT, DELETE, OPTIONS, or any operation that
 *   carries an idempotency key;
 * - retry budget per client: retries may add at most 10% to the calls, plus a floor of 10;
 * - circuit breaker per client: opens after 5 consecutive failures, probes again after 30 s;
 * - bulkhead per client: at most 64 requests in flight, 256 waiting.
 *
 * Only Node 20's own APIs are used (global fetch, AbortSignal, AsyncLocalStorage, crypto).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes, randomUUID } from "node:crypto";

/** An error status of an operation: `status` and the parsed `body`, typed per status in client.ts. */
export class ApiError<S extends number = number, B = unknown> extends Error {
  constructor(
    readonly operation: string,
    readonly status: S,
    readonly body: B,
    readonly headers: Headers,
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

export interface RetryPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
}

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
  /** The request body's media type, when the operation takes one. */
  bodyType?: string;
}

export interface ClientOptions {
  baseUrl?: string;
  /** Sent with every request; per-call headers win. */
  headers?: Record<string, string>;
  /** Called before every attempt, to add credentials (a bearer token that may have been refreshed). */
  auth?: (request: { operation: string; url: URL; headers: Headers }) => void | Promise<void>;
  /** Replaces the global fetch (for instrumentation); it must honour `init.signal`. */
  fetch?: typeof fetch;
  retryBudget?: { ratio?: number; floor?: number };
  breaker?: { failures?: number; resetMs?: number };
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
  /** The idempotency key to send; by default one is generated per call (and kept across its retries). */
  idempotencyKey?: string;
}

export interface RawRequest {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
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

function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Statuses that say "try again later"; other statuses are the server's answer. */
const RETRYABLE_STATUS = new Set([408, 429, 502, 503, 504]);

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** A child of the caller's trace context, or the root of a new trace. */
export function childTraceparent(parent: string | undefined): string {
  const span = randomBytes(8).toString("hex");
  const match = parent ? TRACEPARENT.exec(parent.trim().toLowerCase()) : null;
  if (match && !/^0+$/.test(match[2])) return `00-${match[2]}-${span}-${match[4]}`;
  return `00-${randomBytes(16).toString("hex")}-${span}-01`;
}

/**
 * `Retry-After` in milliseconds from now: delay-seconds or an HTTP date; undefined when absent or
 * unreadable.
 */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

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

/** Closed → open after `failures` consecutive failures → one half-open probe after `resetMs`. */
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

/** Full jitter: a random wait between 0 and the exponential backoff for this retry. */
function backoffMs(policy: RetryPolicy, retry: number): number {
  return Math.random() * Math.min(policy.maxMs, policy.initialMs * 2 ** (retry - 1));
}

function urlOf(baseUrl: string, spec: OperationSpec, request: RawRequest): URL {
  const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(request.path?.[name] ?? "")));
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  return /[/+]json\b/i.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : text;
}

/** One per client: the budget, breaker and bulkhead are shared by all of the client's calls. */
export class Runtime {
  readonly #options: ClientOptions;
  readonly #budget: RetryBudget;
  readonly #breaker: CircuitBreaker;
  readonly #bulkhead: Bulkhead;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.#budget = new RetryBudget(options.retryBudget?.ratio ?? 0.1, options.retryBudget?.floor ?? 10);
    this.#breaker = new CircuitBreaker(options.breaker?.failures ?? 5, options.breaker?.resetMs ?? 30_000);
    this.#bulkhead = new Bulkhead(options.bulkhead?.concurrency ?? 64, options.bulkhead?.queue ?? 256);
  }

  async send(spec: OperationSpec, request: RawRequest, options: CallOptions = {}): Promise<RawResponse> {
    const inherited = context.getStore() ?? {};
    const deadline = earliest(inherited.deadline, options.deadline ?? (options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs));
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
      for (const [name, value] of Object.entries(request.header ?? {})) if (value !== undefined) headers.set(name, String(value));
      for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
      headers.set("traceparent", childTraceparent(options.traceparent ?? inherited.traceparent));
      // One key per call, the same on every retry, so the server applies the operation once.
      if (spec.idempotencyHeader && !headers.has(spec.idempotencyHeader)) headers.set(spec.idempotencyHeader, options.idempotencyKey ?? randomUUID());
      let body: string | undefined;
      if (request.body !== undefined) {
        const type = spec.bodyType ?? "application/json";
        headers.set("content-type", type);
        body = /json/i.test(type) ? JSON.stringify(request.body) : String(request.body);
      }

      for (let attempt = 1; ; attempt += 1) {
        if (callSignal.aborted) throw ended();
        if (!this.#breaker.allow()) throw new CircuitOpenError(spec.name);
        await this.#options.auth?.({ operation: spec.name, url, headers });
        let outcome: RawResponse | { error: unknown };
        try {
          const attemptSignal = AbortSignal.any([callSignal, AbortSignal.timeout(spec.timeoutMs)]);
          const response = await (this.#options.fetch ?? fetch)(url, { method: spec.method, headers, body, signal: attemptSignal });
          // The body is read within the attempt, so a body that stalls or breaks off is a failed attempt too.
          outcome = { status: response.status, headers: response.headers, body: await readBody(response) };
        } catch (error) {
          if (callSignal.aborted) throw ended();
          outcome = { error };
        }
        const failed = "error" in outcome || outcome.status >= 500;
        if (failed) this.#breaker.failure();
        else this.#breaker.success();
        const retryable = "error" in outcome || RETRYABLE_STATUS.has(outcome.status);
        if (!retryable) return outcome as RawResponse;

        const wait = "error" in outcome ? undefined : retryAfterMs(outcome.headers.get("retry-after"));
        const delay = wait ?? backoffMs(spec.retry, attempt);
        const late = deadline !== undefined && Date.now() + delay >= deadline;
        if (!spec.idempotent || attempt >= spec.retry.attempts || late || !this.#budget.withdraw()) {
          if ("error" in outcome) throw new AttemptsFailedError(spec.name, attempt, { cause: outcome.error });
          return outcome;
        }
        try {
          await sleep(delay, callSignal);
        } catch {
          throw ended();
        }
      }
    } finally {
      release();
    }
  }
}
