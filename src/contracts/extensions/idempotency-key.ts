import type { Parsed } from "./declared.js";

/**
 * The header a client sends so the server can recognise a repeated request:
 * `x-charter-idempotency-key: <header name>`, or `true` for the IETF draft's `Idempotency-Key`.
 * An `Idempotency-Key` header parameter declares one too.
 */
export const IDEMPOTENCY_KEY = "x-charter-idempotency-key";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export function parseIdempotencyKey(raw: unknown): Parsed<string> {
  if (raw === true) return { value: IDEMPOTENCY_HEADER };
  if (typeof raw === "string" && raw.trim() !== "") return { value: raw.trim() };
  return { problem: "is not a header name (or true for Idempotency-Key)" };
}

/** The header parameter (any case) that carries the IETF draft's key, among an operation's header parameter names. */
export const idempotencyParameter = (headers: string[]): string | undefined => headers.find((name) => name.toLowerCase() === IDEMPOTENCY_HEADER.toLowerCase());
