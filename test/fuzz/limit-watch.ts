import { readFileSync } from "node:fs";

/**
 * The promise's limits for one command run. Time is the CPU time the run uses (its process and
 * the children it waited for, such as buf): the machine may be shared, and a loaded machine must
 * not turn a slow run into a false hang. Wall-clock time has a looser backstop, for a run stuck
 * waiting on something.
 */
export const LIMITS = { cpuMs: 10_000, wallMs: 120_000, heapMb: 1024 };

/** Clock ticks per second of /proc/PID/stat on Linux. */
const TICKS = 100;

/** CPU milliseconds used so far by a process and its reaped children; undefined off Linux. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime, stime, cutime, cstime are fields 14-17, so 11-14 counted from the state field.
    return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

/**
 * Watches one run of a process: calls `onLimit` once when it passes a limit (CPU time, else
 * wall-clock when CPU time cannot be read). `stop` returns the CPU time the run used (as last
 * read: a process that has exited is gone from /proc).
 */
export function watchRun(pid: number, onLimit: (what: string) => void): { stop(): number | undefined } {
  const startCpu = cpuMs(pid);
  const started = performance.now();
  let last: number | undefined;
  const used = () => {
    const now = cpuMs(pid);
    if (startCpu !== undefined && now !== undefined) last = now - startCpu;
    return last;
  };
  const timer = setInterval(() => {
    const cpu = used();
    const wall = performance.now() - started;
    if (cpu !== undefined && cpu > LIMITS.cpuMs) onLimit(`${Math.round(cpu)} ms of CPU time`);
    else if (wall > (cpu === undefined ? LIMITS.cpuMs : LIMITS.wallMs)) onLimit(`${Math.round(wall)} ms of wall-clock time`);
    else return;
    clearInterval(timer);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return used();
    },
  };
}
