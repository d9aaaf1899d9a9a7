import type { Mutation } from "./mutation.js";
import { PROTO_MUTATIONS } from "./proto-mutations.js";
import { TEXT_MUTATIONS } from "./text-mutations.js";
import { TREE_MUTATIONS } from "./tree-mutations.js";

/** Every mutation the fuzzer knows; a mutant's mutation is chosen among those that fit its file. */
export const MUTATIONS: readonly Mutation[] = [...TEXT_MUTATIONS, ...TREE_MUTATIONS, ...PROTO_MUTATIONS];
