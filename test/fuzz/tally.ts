import { COMMANDS } from "./commands.js";
import { VIOLATIONS, type ViolationClass } from "./promise.js";
import { describeMutant, type MutantOutcome } from "./run-mutant.js";

interface Example {
  count: number;
  /** The first mutant that showed it: how to make it again, the command, the evidence. */
  reproducer: string;
}

/** Counts of a fuzz run: mutants, runs and exits per command, violations by class and mutation. */
export class Tally {
  mutants = 0;
  failedMutants = 0;
  private readonly exits = new Map<string, Map<string, number>>();
  private readonly cpuMs = new Map<string, number>();
  private readonly violations = new Map<ViolationClass, Map<string, Example>>();

  constructor(private readonly profile: string) {
    for (const { name } of COMMANDS) this.exits.set(name, new Map());
  }

  add(outcome: MutantOutcome): void {
    this.mutants++;
    if (outcome.commands.some((command) => command.violations.length)) this.failedMutants++;
    for (const { command, run, violations } of outcome.commands) {
      const exits = this.exits.get(command)!;
      exits.set(String(run.exit), (exits.get(String(run.exit)) ?? 0) + 1);
      this.cpuMs.set(command, (this.cpuMs.get(command) ?? 0) + (run.cpuMs ?? 0));
      for (const violation of violations) {
        const byMutation = this.violations.get(violation.class) ?? new Map<string, Example>();
        this.violations.set(violation.class, byMutation);
        const key = `${command} ${outcome.mutant.mutation.name}`;
        const example = byMutation.get(key);
        if (example) example.count++;
        else byMutation.set(key, { count: 1, reproducer: `${describeMutant(outcome.mutant, this.profile)}\n        ${violation.evidence}` });
      }
    }
  }

  get violationCount(): number {
    return [...this.violations.values()].reduce((sum, byMutation) => sum + [...byMutation.values()].reduce((s, e) => s + e.count, 0), 0);
  }

  /** The tally as text: one line per command, then each class of violation with a reproducer per command and mutation. */
  format(): string {
    const lines = [`mutants: ${this.mutants}, with a violation: ${this.failedMutants}`, "command    runs  CPU s   exits"];
    for (const [command, exits] of this.exits) {
      const runs = [...exits.values()].reduce((a, b) => a + b, 0);
      const shown = [...exits].sort(([a], [b]) => a.localeCompare(b)).map(([exit, n]) => `${exit}: ${n}`);
      const cpu = ((this.cpuMs.get(command) ?? 0) / 1000).toFixed(0);
      lines.push(`  ${command.padEnd(8)} ${String(runs).padStart(5)} ${cpu.padStart(6)}   ${shown.join(", ")}`);
    }
    lines.push(`promise violations: ${this.violationCount}`);
    for (const [name, byMutation] of [...this.violations].sort(([a], [b]) => a.localeCompare(b))) {
      const total = [...byMutation.values()].reduce((sum, example) => sum + example.count, 0);
      lines.push(`  ${name} (${VIOLATIONS[name]}): ${total}`);
      for (const [key, example] of [...byMutation].sort(([, a], [, b]) => b.count - a.count)) {
        lines.push(`    ${String(example.count).padStart(5)}  ${key}: ${example.reproducer}`);
      }
    }
    return lines.join("\n");
  }
}
