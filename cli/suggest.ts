import leven from "leven";

/**
 * The candidate closest to what the user typed, when it is close enough to be a typo: two edits,
 * or a third of the letters of a longer word (`brekaing` → `breaking`, `prot` → `port`).
 */
export function closest(typed: string, candidates: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = leven(typed, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(typed.length / 3)) ? best.name : undefined;
}

/** `; did you mean X?`, or nothing when no candidate is close. */
export function didYouMean(typed: string, candidates: string[], prefix = ""): string {
  const match = closest(typed, candidates);
  return match ? `; did you mean ${prefix}${match}?` : "";
}
