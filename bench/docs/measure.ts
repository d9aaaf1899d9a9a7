import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** GNU time (Debian's `time` package): its %M is the largest resident set of the process tree it ran. */
const TIME = "/usr/bin/time";

export interface Measured {
  ms: number;
  /** User plus system CPU time of the process tree: steadier than wall time on a machine shared with other work. */
  cpuMs: number;
  peakMb: number;
}

/**
 * Runs a Node script as its own process: wall time, CPU time and peak RSS. Both tools of a comparison are
 * measured this way, and the peak covers what they spawn (charter's buf and git) as well.
 */
export function measureNode(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measured {
  if (!existsSync(TIME)) throw new Error(`${TIME} is missing: apt-get install time`);
  const start = process.hrtime.bigint();
  // The marker keeps the figure apart from whatever the tool itself writes on stderr.
  const run = spawnSync(TIME, ["-f", "cpu-s %U %S peak-rss-kb %M", process.execPath, script, ...args], { cwd, env, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const figures = /cpu-s ([\d.]+) ([\d.]+) peak-rss-kb (\d+)\s*$/.exec(run.stderr);
  if (run.status !== 0 || !figures) throw new Error(`${script} ${args.join(" ")} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { ms, cpuMs: (Number(figures[1]) + Number(figures[2])) * 1000, peakMb: Number(figures[3]) / 1024 };
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
