import type { Severity } from "./finding.js";
import type { Verdict } from "./verdict.js";

export const MODES = [
  "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
  "FULL", "FULL_TRANSITIVE", "NONE",
] as const;
export type Mode = (typeof MODES)[number];

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

/** API contracts protect old clients; data contracts protect old consumers and retained old data. */
export const DEFAULT_MODES = { api: "BACKWARD", data: "FULL" } as const satisfies Record<string, Mode>;

export function enforces(mode: Mode): { backward: boolean; forward: boolean } {
  const base = mode.replace(/_TRANSITIVE$/, "");
  return { backward: base === "BACKWARD" || base === "FULL", forward: base === "FORWARD" || base === "FULL" };
}

/** ARCHITECTURE.md, "The compatibility model": breaking in an enforced direction is an error, conditional a warning (an error when strict). */
export function severityOf(verdicts: { backward: Verdict; forward: Verdict }, mode: Mode, strict: boolean): Severity {
  const on = enforces(mode);
  const seen = [on.backward ? verdicts.backward : "compatible", on.forward ? verdicts.forward : "compatible"];
  if (seen.includes("breaking")) return "error";
  if (seen.includes("conditional")) return strict ? "error" : "warning";
  return "info";
}
