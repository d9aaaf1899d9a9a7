import type { ContractSummary, Finding } from "../compat/finding.js";
import { worst, type Verdict } from "../compat/verdict.js";
import { VERSION } from "../version.js";
import { applyGate } from "./gate.js";
import { summarize, type Report } from "./report.js";

/** A contract before its findings are counted: what the command knows of it. */
export type ContractEntry = Omit<ContractSummary, "backward" | "forward" | "passed">;

/**
 * The one place a report's derived state is computed from its findings: each contract's worst
 * verdicts (breaking findings only; lint findings carry none) and whether it passed, and the
 * summary. Commands that add, drop or merge findings (baseline, --path, check, transitive
 * releases) finalise again rather than patch the numbers.
 */
export function finaliseReport(parts: { input: string; against: string[]; contracts: ContractEntry[]; findings: Finding[] }): Report {
  const byContract = new Map<string, Finding[]>();
  for (const finding of parts.findings) {
    const key = `${finding.kind}\0${finding.contract}`;
    const list = byContract.get(key);
    if (list) list.push(finding);
    else byContract.set(key, [finding]);
  }
  const contracts = parts.contracts.map(({ id, kind, path, change, mode }): ContractSummary => {
    const breaking = (byContract.get(`${kind}\0${id}`) ?? []).filter((f) => f.category === "breaking");
    // Folded rather than spread: a Stripe-size report holds more findings than a call has arguments.
    const backward = breaking.reduce<Verdict>((v, f) => worst(v, f.backward), "compatible");
    const forward = breaking.reduce<Verdict>((v, f) => worst(v, f.forward), "compatible");
    return { id, kind, path, change, mode, backward, forward, passed: true };
  });
  const report: Report = { version: 2, tool: { name: "charter", version: VERSION }, input: parts.input, against: parts.against, contracts, findings: parts.findings, summary: summarize(contracts, parts.findings) };
  // A contract passes as the whole report does: by the default gate, errors fail (gate.ts).
  return applyGate(report, "error");
}
