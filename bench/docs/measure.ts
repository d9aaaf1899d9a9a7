import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PEAK_RSS = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "peak-rss.mjs")).href;

export interface Measured {
  ms: number;
  peakMb: number;
}

/** Runs a Node script as its own process: wall time and peak RSS (read by peak-rss.mjs inside it). */
export function measureNode(script: string, args: string[], cwd: string): Measured {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--import", PEAK_RSS, script, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = /peak-rss-kb (\d+)/.exec(run.stderr);
  if (run.status !== 0 || !peak) throw new Error(`${script} ${args.join(" ")} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { ms, peakMb: Number(peak[1]) / 1024 };
}

export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
