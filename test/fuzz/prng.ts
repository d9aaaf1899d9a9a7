/**
 * A small deterministic random source: the same seed and index give the same mutant on every
 * machine and Node version, so a failure printed as `--seed S --only N` reproduces.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** splitmix32: a full-period 32-bit generator with good mixing, enough to choose mutations. */
function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** The random source of mutant `index` under `seed`: independent of every other mutant's. */
export function rngFor(seed: number, index: number): Rng {
  const next = splitmix32(Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(index + 1, 0x165667b1));
  // Discard the first outputs so nearby seeds and indexes do not start alike.
  for (let i = 0; i < 4; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}
