import { randomFillSync } from "node:crypto";

/**
 * A `traceparent` header (W3C Trace Context §3.2): version, trace id, parent id and flags, lowercase
 * hex. A later version may append fields, which version 00 may not.
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZEROS = /^0+$/;

/** Random bytes drawn from a pool: one `randomFillSync` per 4 KiB instead of a call per id (a span id per call or event). */
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;
function randomHex(bytes: number): string {
  if (poolUsed + bytes > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += bytes;
  return pool.toString("hex", poolUsed - bytes, poolUsed);
}

/**
 * A child of the caller's trace context: the same trace id and flags with a fresh span id. A parent
 * the specification says to ignore (malformed, version ff, an all-zero id) starts a new, sampled trace.
 */
export function childTraceparent(parent: string | undefined): string {
  const match = parent === undefined ? null : TRACEPARENT.exec(parent.trim());
  const valid = match !== null && match[1] !== "ff" && !(match[1] === "00" && match[5] !== undefined) && !ZEROS.test(match[2]) && !ZEROS.test(match[3]);
  const span = randomHex(8);
  return valid ? `00-${match[2]}-${span}-${match[4]}` : `00-${randomHex(16)}-${span}-01`;
}
