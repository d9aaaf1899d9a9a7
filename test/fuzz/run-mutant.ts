import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { COMMANDS } from "./commands.js";
import type { Executor, RunResult } from "./executor.js";
import type { Mutant } from "./mutant.js";
import { judge, parsesAsItsKind, type Violation } from "./promise.js";

export interface CommandOutcome {
  command: string;
  run: RunResult;
  violations: Violation[];
}

export interface MutantOutcome {
  mutant: Mutant;
  commands: CommandOutcome[];
}

/** Writes the mutant as `reg/` (mutated) and `orig/` (unmutated) under a folder. */
export function writeMutant(mutant: Mutant, dir: string): void {
  for (const [name, files] of [["reg", mutant.registry], ["orig", mutant.original]] as const) {
    for (const [path, bytes] of files) {
      mkdirSync(dirname(join(dir, name, path)), { recursive: true });
      writeFileSync(join(dir, name, path), bytes);
    }
  }
}

/**
 * Runs every command on the mutant, each within the limits, and judges each run. With
 * `stopAtLimit`, a run killed at the time or memory limit ends the mutant: what hangs one command
 * mostly hangs the others, and each costs the full limit.
 */
export async function runMutant(mutant: Mutant, executor: Executor, stopAtLimit = false): Promise<MutantOutcome> {
  const dir = mkdtempSync(join(tmpdir(), "charter-fuzz-"));
  try {
    writeMutant(mutant, dir);
    const mutated = new Set([join(dir, "reg", mutant.file)]);
    const parses = (file: string) => (mutated.has(file) && !mutant.mutation.keepsSyntax ? parsesAsItsKind(file) : true);
    const commands: CommandOutcome[] = [];
    for (const command of COMMANDS) {
      const run = await executor.run(dir, command.args(dir));
      const violations = judge(run, { dir, parses });
      commands.push({ command: command.name, run, violations });
      if (stopAtLimit && violations.some((v) => v.class === "timeout" || v.class === "out-of-memory")) break;
    }
    return { mutant, commands };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How to make the mutant again, and what it is. */
export function describeMutant(mutant: Mutant, profile: string): string {
  return `--profile ${profile} --seed ${mutant.seed} --only ${mutant.index}: ${mutant.source} ${mutant.file}: ${mutant.mutation.name} (${mutant.detail})`;
}
