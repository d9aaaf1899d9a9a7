import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SpawnExecutor, WorkerExecutor, type Executor } from "./executor.js";
import { makeMutant } from "./mutant.js";
import { runMutant, type MutantOutcome } from "./run-mutant.js";
import { groups, type CorpusDirs, type Profile } from "./sources.js";
import { Tally } from "./tally.js";

export interface CampaignOptions {
  profile: Profile;
  seed: number;
  /** The indexes of the mutants to run. */
  indexes: number[];
  /** Mutants run side by side, each in its own worker. */
  jobs: number;
  /** Run the built CLI, one process per command, instead of main() in a worker. */
  spawn: boolean;
  /** End a mutant at its first run killed at a limit (see runMutant). */
  stopAtLimit: boolean;
  /** Stop making mutants once this many have failed: enough to show, without paying for all. */
  maxFailed?: number;
  dirs: CorpusDirs;
  onStart?: (tally: Tally) => void;
  onOutcome?: (outcome: MutantOutcome) => void;
}

/** Makes and runs the mutants, and counts what happened. */
export async function runCampaign(options: CampaignOptions): Promise<Tally> {
  const sources = groups(options.profile, options.dirs);
  const tally = new Tally(options.profile);
  options.onStart?.(tally);
  // Compiled protos and validators of thousands of mutants do not belong in the user's cache.
  const cache = mkdtempSync(join(tmpdir(), "charter-fuzz-cache-"));
  const env = { ...process.env, CHARTER_CACHE_DIR: cache };
  const queue = [...options.indexes];
  const job = async (executor: Executor) => {
    try {
      for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
        if (tally.failedMutants >= (options.maxFailed ?? Infinity)) break;
        const outcome = await runMutant(makeMutant(sources, options.seed, index), executor, options.stopAtLimit);
        tally.add(outcome);
        options.onOutcome?.(outcome);
      }
    } finally {
      executor.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.jobs }, () => job(options.spawn ? new SpawnExecutor(env) : new WorkerExecutor(env))));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return tally;
}
