import type { Parsed } from "./declared.js";

/** How long a client waits for one attempt of an operation: `x-charter-timeout: 2000 | 800ms | 5s | 1m`. */
export const TIMEOUT_KEY = "x-charter-timeout";

/** Where the contract is silent; templates/codegen/charter-runtime/http.ts documents the same figure. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** Milliseconds, or a positive duration with its unit. */
export function parseTimeout(raw: unknown): Parsed<number> {
  if (typeof raw === "number" && raw > 0) return { value: raw };
  const match = typeof raw === "string" ? /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(raw.trim()) : null;
  const ms = match ? Math.round(parseFloat(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]) : 0;
  return ms > 0 ? { value: ms } : { problem: 'is not a positive number of milliseconds or a duration like "5s"' };
}

/** `2s`, `800ms`: a duration as people write it. */
export const showDuration = (ms: number): string => (ms >= 1_000 && ms % 1_000 === 0 ? `${ms / 1_000}s` : `${ms}ms`);
