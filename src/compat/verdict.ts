/** How one side of a change fares when the other side keeps its old version. */
export type Verdict = "compatible" | "conditional" | "breaking";

const rank: Record<Verdict, number> = { compatible: 0, conditional: 1, breaking: 2 };

export function worst(...verdicts: Verdict[]): Verdict {
  let result: Verdict = "compatible";
  for (const v of verdicts) if (rank[v] > rank[result]) result = v;
  return result;
}

/**
 * The effect of a change on the wire, judged per flow of data (ARCHITECTURE.md, "The compatibility model"):
 * `oldToNew`: a value written by the old version, read by the new one;
 * `newToOld`: a value written by the new version, read by the old one.
 * Which of the two is "backward" depends on who writes the element (see roles).
 */
export interface Effect {
  oldToNew: Verdict;
  newToOld: Verdict;
}

export const effect = (oldToNew: Verdict, newToOld: Verdict): Effect => ({ oldToNew, newToOld });
