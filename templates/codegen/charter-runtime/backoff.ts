/** How often something is tried and how long to wait in between: `x-charter-retry`, else each runtime's defaults. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  initialMs: number;
  maxMs: number;
}

/**
 * Full jitter: a random wait between 0 and the exponential backoff before a retry, `initialMs`
 * doubling with each retry up to `maxMs`. `retry` counts the retries before this one (0 for the first).
 */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  return Math.random() * Math.min(policy.maxMs, policy.initialMs * 2 ** retry);
}
