import { isObject, type Parsed } from "./declared.js";

/**
 * charter's SLO declaration, the same in every kind:
 * `x-charter-slo: { latency-p99-ms: 300, error-budget: 0.001 }` in YAML, and in proto a comment
 * `// charter:slo latency-p99-ms=300 error-budget=0.1%`. The error budget is the share of requests
 * (or events) allowed to fail: a fraction between 0 and 1, or a percentage string.
 */
export const SLO_KEY = "x-charter-slo";

export interface Slo {
  latencyP99Ms: number;
  /** A fraction between 0 and 1. */
  errorBudget: number;
}

export function parseSlo(raw: unknown): Parsed<Slo> {
  if (!isObject(raw)) return { problem: "is not an object with latency-p99-ms and error-budget" };
  const latency = raw["latency-p99-ms"];
  if (typeof latency !== "number" || !(latency > 0)) return { problem: "needs latency-p99-ms, a positive number of milliseconds", member: "latency-p99-ms" in raw ? ["latency-p99-ms"] : [] };
  const errorBudget = fraction(raw["error-budget"]);
  if (errorBudget === undefined) return { problem: "needs error-budget, a fraction between 0 and 1 (0.001) or a percentage (\"0.1%\")", member: "error-budget" in raw ? ["error-budget"] : [] };
  return { value: { latencyP99Ms: latency, errorBudget } };
}

function fraction(value: unknown): number | undefined {
  const share = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?%$/.test(value) ? Number(value.slice(0, -1)) / 100 : undefined;
  return share !== undefined && share > 0 && share < 1 ? share : undefined;
}

/** The SLO of a proto comment directive, as the YAML form would hold it; undefined when there is none. */
export function sloFromComments(comments: string[]): Record<string, unknown> | undefined {
  for (const comment of comments) {
    const match = /(?:^|\s)charter:slo\b(.*)$/.exec(comment);
    if (!match) continue;
    const slo: Record<string, unknown> = {};
    for (const [, key, raw] of match[1].matchAll(/([\w-]+)=(\S+)/g)) slo[key] = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    return slo;
  }
  return undefined;
}

/** `p99 300 ms, 0.1% errors`: an SLO as people read it. */
export const showSlo = (slo: Slo): string => `p99 ${slo.latencyP99Ms} ms, ${+(slo.errorBudget * 100).toPrecision(6)}% errors`;
