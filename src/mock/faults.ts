/**
 * Faults the mock injects so that client teams can test their resilience: a delay before every
 * answer, and a share of requests answered with an error status (with a Retry-After when asked).
 */
export interface FaultOptions {
  /** Milliseconds to wait before answering. */
  latencyMs: number;
  /** The share of requests, 0 to 1, answered with `errorStatus` instead of their answer. */
  errorRate: number;
  errorStatus: number;
  /** Seconds to send as Retry-After with an injected error. */
  retryAfter?: number;
  /** A number in [0, 1): Math.random, or a fixed sequence in tests. */
  random: () => number;
}

export const NO_FAULTS: FaultOptions = { latencyMs: 0, errorRate: 0, errorStatus: 503, random: Math.random };

/** The injected error for this request, or undefined when it gets its real answer. */
export function injectedError(options: FaultOptions): { status: number; headers: Record<string, string> } | undefined {
  if (options.errorRate <= 0 || options.random() >= options.errorRate) return undefined;
  return { status: options.errorStatus, headers: options.retryAfter === undefined ? {} : { "retry-after": String(options.retryAfter) } };
}
