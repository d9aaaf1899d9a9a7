import { fork, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";
import { LIMITS, watchRun } from "./limit-watch.js";
import { STACK_FRAME, type Reply } from "./protocol.js";

export interface RunResult {
  args: string[];
  /** The exit code, or what stopped the run first. */
  exit: number | "timeout" | "crash";
  /** Which limit a timed-out run passed. */
  limit?: string;
  stderr: string;
  /** What the process itself printed when it died (Node's own fatal error or uncaught stack). */
  death: string;
  stdoutStack: boolean;
  ms: number;
  /** CPU time of the run, when the system tells it. */
  cpuMs?: number;
}

/** Runs one charter command line in a folder, within the limits. */
export interface Executor {
  run(cwd: string, args: string[]): Promise<RunResult>;
  close(): void;
}

const HEAP = `--max-old-space-size=${LIMITS.heapMb}`;

/** A worker that is not ready after this (it warms up on the example registry) is broken. */
const READY_MS = 180_000;

/** Recycle a worker whose heap has grown past this after a run (caches, fragmentation). */
const RECYCLE_HEAP = 512 * 1024 * 1024;

/** Live workers: killed when the fuzzer exits (Ctrl-C), since one may be stuck in a hang. */
const live = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

/**
 * One long-lived worker process running main() in-process. A run past the time limit, or one
 * that kills the process, costs the worker: the next run starts a fresh one.
 */
export class WorkerExecutor implements Executor {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private dying = "";
  private nextId = 0;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  private start(): Promise<void> {
    const child = fork(join(ROOT, "test", "fuzz", "worker.ts"), [], {
      execArgv: [HEAP, "--import", "tsx"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: this.env,
      cwd: ROOT,
    });
    this.child = child;
    live.add(child);
    child.once("exit", () => live.delete(child));
    this.dying = "";
    child.stderr!.setEncoding("utf8").on("data", (text: string) => {
      if (this.dying.length < 64 * 1024) this.dying += text;
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`the fuzz worker was not ready within ${READY_MS} ms: ${this.dying}`));
      }, READY_MS);
      child.once("message", () => {
        clearTimeout(timer);
        resolve();
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the fuzz worker exited (${code}) before it was ready: ${this.dying}`));
      });
    });
  }

  async run(cwd: string, args: string[]): Promise<RunResult> {
    if (!this.child) this.ready = this.start();
    await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    this.dying = "";
    const started = performance.now();
    const result = await new Promise<RunResult>((resolve) => {
      const done = (partial: Omit<RunResult, "args" | "ms">) => {
        const cpuMs = watch.stop();
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve({ args, ms: performance.now() - started, cpuMs, ...partial });
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        if (reply.heapUsed > RECYCLE_HEAP) this.stop();
        done({ exit: reply.exit, stderr: reply.stderr, death: "", stdoutStack: reply.stdoutStack });
      };
      // Give the pipe a moment to deliver what the process printed as it died.
      const onExit = () => setTimeout(() => done({ exit: "crash", stderr: "", death: this.dying, stdoutStack: false }), 50);
      const watch = watchRun(child.pid!, (limit) => {
        this.stop();
        done({ exit: "timeout", limit, stderr: "", death: "", stdoutStack: false });
      });
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ id, cwd, args });
    });
    if (result.exit === "crash") this.child = undefined;
    return result;
  }

  private stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }

  close(): void {
    this.stop();
  }
}

/** Runs the built CLI as a user would, one process per command (slower; to confirm a reproducer). */
export class SpawnExecutor implements Executor {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  run(cwd: string, args: string[]): Promise<RunResult> {
    const started = performance.now();
    const child = spawn(process.execPath, [HEAP, join(ROOT, "dist", "charter.js"), ...args], { cwd, env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let stdoutStack = false;
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdoutStack ||= STACK_FRAME.test(text)));
    child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
    return new Promise((resolve) => {
      let limit: string | undefined;
      const watch = watchRun(child.pid!, (what) => {
        limit = what;
        child.kill("SIGKILL");
      });
      // The CPU time is read before the process is reaped, while /proc still has it.
      let cpuMs: number | undefined;
      child.on("exit", () => (cpuMs = watch.stop()));
      child.on("close", (code, signal) => {
        const exit = limit ? "timeout" : code === null || /heap out of memory|Reached heap limit/.test(stderr) ? "crash" : code;
        const death = exit === "crash" ? stderr || `killed by ${signal}` : "";
        resolve({ args, exit, limit, stderr: exit === "crash" ? "" : stderr, death, stdoutStack, ms: performance.now() - started, cpuMs });
      });
    });
  }

  close(): void {}
}
