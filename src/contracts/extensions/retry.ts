import { isObject, type Parsed } from "./declared.js";

/**
 * How clients (OpenAPI) and consumers (AsyncAPI `receive`) retry, README.md, "charter generate":
 * `x-charter-retry: { attempts: 3, backoff: { initial-ms: 100, max-ms: 2000 }, budget: 0.2, max-deliver: 5 }`.
 * `budget` (the share of extra requests retries may add) is read at an OpenAPI document's root;
 * `max-deliver` (deliveries before a message is dead-lettered) on AsyncAPI receive operations.
 */
export const RETRY_KEY = "x-charter-retry";

export interface RetryPolicy {
  attempts: number;
  initialMs: number;
  maxMs: number;
  maxDeliver: number;
}

/** The one default policy where a contract is silent; the generated runtimes document the same figures. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, initialMs: 100, maxMs: 2_000, maxDeliver: 5 };

/** The retry budget of a generated client whose contract declares none (templates/codegen/charter-runtime/http.ts). */
export const DEFAULT_RETRY_BUDGET = 0.1;

/** What a contract writes; each member it leaves out takes DEFAULT_RETRY's. */
export interface DeclaredRetry {
  attempts?: number;
  initialMs?: number;
  maxMs?: number;
  maxDeliver?: number;
  budget?: number;
}

const positive = (value: unknown): value is number => typeof value === "number" && value > 0;
const count = (value: unknown): value is number => positive(value) && Number.isInteger(value);

export function parseRetry(raw: unknown): Parsed<DeclaredRetry> {
  if (!isObject(raw)) return { problem: "is not an object with attempts, backoff, budget or max-deliver" };
  const policy: DeclaredRetry = {};
  if (raw.attempts !== undefined) {
    if (!count(raw.attempts)) return { problem: "has attempts that are not a positive whole number", member: ["attempts"] };
    policy.attempts = raw.attempts;
  }
  if (raw["max-deliver"] !== undefined) {
    if (!count(raw["max-deliver"])) return { problem: "has max-deliver that is not a positive whole number", member: ["max-deliver"] };
    policy.maxDeliver = raw["max-deliver"];
  }
  if (raw.budget !== undefined) {
    if (typeof raw.budget !== "number" || !(raw.budget >= 0)) return { problem: "has a budget that is not a share of requests (0 or more, 0.2 for 20%)", member: ["budget"] };
    policy.budget = raw.budget;
  }
  if (raw.backoff !== undefined) {
    if (!isObject(raw.backoff)) return { problem: "has a backoff that is not an object with initial-ms and max-ms", member: ["backoff"] };
    for (const [key, field] of [["initial-ms", "initialMs"], ["max-ms", "maxMs"]] as const) {
      const value = raw.backoff[key];
      if (value === undefined) continue;
      if (!positive(value)) return { problem: `has backoff ${key} that is not a positive number of milliseconds`, member: ["backoff", key] };
      policy[field] = value;
    }
    if (policy.initialMs !== undefined && policy.maxMs !== undefined && policy.maxMs < policy.initialMs) {
      return { problem: "has backoff max-ms below its initial-ms", member: ["backoff", "max-ms"] };
    }
  }
  return { value: policy };
}

/** The policy generated code enforces: what is declared, DEFAULT_RETRY for the rest. */
export const effectiveRetry = (declared: DeclaredRetry | undefined): RetryPolicy => ({
  attempts: declared?.attempts ?? DEFAULT_RETRY.attempts,
  initialMs: declared?.initialMs ?? DEFAULT_RETRY.initialMs,
  maxMs: declared?.maxMs ?? DEFAULT_RETRY.maxMs,
  maxDeliver: declared?.maxDeliver ?? DEFAULT_RETRY.maxDeliver,
});
