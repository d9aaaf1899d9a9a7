import type { HttpOperation } from "../http/operations.js";

/** Keys remembered across all operations; past it the oldest is forgotten, so a long run's memory stays bounded. */
const REMEMBERED = 10_000;

/**
 * The idempotency keys the mock has seen, for the IETF draft's rules
 * (draft-ietf-httpapi-idempotency-key-header): a key sent again with another request (method,
 * path, query or body) is an error; with the same request it is a retry, answered as the first
 * was (which the mock's answers always are).
 */
export class IdempotencyKeys {
  private readonly seen = new Map<string, string>();

  /** Whether `key` came before, for this operation, with a request other than `request`; remembers it otherwise. */
  reused(operation: HttpOperation, key: string, request: string): boolean {
    const id = `${operation.label}\n${key}`;
    const first = this.seen.get(id);
    if (first !== undefined) return first !== request;
    if (this.seen.size >= REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(id, request);
    return false;
  }
}

/**
 * The header of the key a request must carry, when the operation names it with
 * `x-charter-idempotency-key` only: a header parameter says itself whether it is required.
 */
export function requiredKeyHeader(operation: HttpOperation): string | undefined {
  const header = operation.idempotencyKey;
  return header && !operation.parameters.some((p) => p.in === "header" && p.name.toLowerCase() === header.toLowerCase()) ? header : undefined;
}
