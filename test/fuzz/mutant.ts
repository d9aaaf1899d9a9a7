import { dirname } from "node:path/posix";
import { fileKind, type Mutated, type Mutation } from "./mutation.js";
import { MUTATIONS } from "./mutations.js";
import { rngFor, type Rng } from "./prng.js";
import type { Group } from "./sources.js";

/** One mutated registry, with the unmutated one it came from; made again from its seed and index. */
export interface Mutant {
  seed: number;
  index: number;
  source: string;
  /** The mutated file, registry-relative. */
  file: string;
  mutation: Mutation;
  detail: string;
  /** Files the mutation added beside the mutated one. */
  added: string[];
  registry: Map<string, Buffer>;
  original: Map<string, Buffer>;
}

function pickGroup(groups: Group[], rng: Rng): Group {
  let ticket = rng.next() * groups.reduce((sum, group) => sum + group.weight, 0);
  for (const group of groups) {
    ticket -= group.weight;
    if (ticket < 0) return group;
  }
  return groups[groups.length - 1];
}

/** Tries mutations that fit the file until one finds a place in it (a proto without fields has no field number). */
function mutate(bytes: Buffer, file: string, rng: Rng): { mutation: Mutation; mutated: Mutated } {
  const fitting = MUTATIONS.filter((mutation) => mutation.kinds.includes(fileKind(file)));
  for (;;) {
    const mutation = rng.pick(fitting);
    const mutated = mutation.apply(bytes, rng, file);
    if (mutated) return { mutation, mutated };
  }
}

export function makeMutant(groups: Group[], seed: number, index: number): Mutant {
  const rng = rngFor(seed, index);
  const source = rng.pick(pickGroup(groups, rng).sources);
  const original = source.files();
  const file = rng.pick(source.targets());
  const { mutation, mutated } = mutate(original.get(file)!, file, rng);
  const registry = new Map(original).set(file, mutated.bytes);
  const added = Object.keys(mutated.extra ?? {}).map((name) => (dirname(file) === "." ? name : `${dirname(file)}/${name}`));
  for (const [i, path] of added.entries()) registry.set(path, Object.values(mutated.extra!)[i]);
  return { seed, index, source: source.name, file, mutation, detail: mutated.detail, added, registry, original };
}
