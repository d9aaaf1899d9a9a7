import type { Json } from "./declared.js";

/**
 * Deprecation, sunset and stability of an element, read from `deprecated`, `x-sunset` and
 * oasdiff's `x-stability-level`: the same words in OpenAPI, AsyncAPI and JSON Schema.
 */
export const SUNSET_KEY = "x-sunset";
export const STABILITY_KEY = "x-stability-level";

export const STABILITY_LEVELS = ["draft", "alpha", "beta", "stable"] as const;
export type Stability = (typeof STABILITY_LEVELS)[number];
/** Levels whose elements are reported but not gated (ARCHITECTURE.md, "The compatibility model"). */
export const UNSTABLE = new Set<string>(["draft", "alpha", "beta"]);

/** The declared stability level; `invalid` when the value is not one of oasdiff's levels. */
export function stabilityOf(value: Json): Stability | "invalid" | undefined {
  const level = value[STABILITY_KEY];
  if (level === undefined) return undefined;
  return typeof level === "string" && (STABILITY_LEVELS as readonly string[]).includes(level) ? (level as Stability) : "invalid";
}

/** A sunset date: `YYYY-MM-DD` or an RFC 3339 date-time. */
export type Sunset = { date: Date } | { invalid: string } | undefined;

export function sunsetOf(value: Json): Sunset {
  const raw = value[SUNSET_KEY];
  if (raw === undefined) return undefined;
  const text = raw instanceof Date ? raw.toISOString() : String(raw);
  const match = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  const date = match ? new Date(match[2] ? text : `${match[1]}T00:00:00Z`) : undefined;
  return date && !Number.isNaN(date.getTime()) ? { date } : { invalid: text };
}
