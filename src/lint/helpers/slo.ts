import { isObject } from "./yaml.js";

/**
 * charter's SLO declaration, the same in every kind:
 * `x-charter-slo: { latency-p99-ms: 300, error-budget: 0.001 }` in YAML, and in proto a comment
 * `// charter:slo latency-p99-ms=300 error-budget=0.1%`. The error budget is the share of requests
 * (or events) allowed to fail: a fraction between 0 and 1, or a percentage string.
 */
export const SLO_KEY = "x-charter-slo";

/** What is wrong with an SLO declaration; undefined when it is sound. */
export function sloProblem(value: unknown): string | undefined {
  if (!isObject(value)) return "is not an object with latency-p99-ms and error-budget";
  const latency = value["latency-p99-ms"];
  if (typeof latency !== "number" || !(latency > 0)) return "needs latency-p99-ms, a positive number of milliseconds";
  if (errorBudget(value["error-budget"]) === undefined) return "needs error-budget, a fraction between 0 and 1 (0.001) or a percentage (\"0.1%\")";
  return undefined;
}

function errorBudget(value: unknown): number | undefined {
  const fraction = typeof value === "number" ? value : typeof value === "string" && /^\d+(\.\d+)?%$/.test(value) ? Number(value.slice(0, -1)) / 100 : undefined;
  return fraction !== undefined && fraction > 0 && fraction < 1 ? fraction : undefined;
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
