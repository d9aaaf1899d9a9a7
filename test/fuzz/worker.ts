// A child process that runs charter command lines in-process through cli/main.ts's main(), one
// at a time, as the parent asks over IPC: spawning the CLI for each of five commands per mutant
// would cost more than the commands. The parent enforces the time limit (it kills this process)
// and the memory limit (--max-old-space-size); an uncaught error kills it with a stack, as it
// would kill the CLI.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main.js";
import { ROOT } from "../helpers/cli.js";
import { COMMANDS } from "./commands.js";
import { STACK_FRAME, type Request, type Reply } from "./protocol.js";

/** Enough of stderr to judge it; a runaway writer must not fill the parent's memory. */
const STDERR_LIMIT = 64 * 1024;

let stderr = "";
let stdoutStack = false;

type Write = typeof process.stdout.write;
/** Captures a stream's writes instead of printing them; calls the write's callback as a stream would. */
function capture(onText: (text: string) => void): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    onText(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) queueMicrotask(callback);
    return true;
  }) as Write;
}

process.stdout.write = capture((text) => {
  stdoutStack ||= STACK_FRAME.test(text);
});
process.stderr.write = capture((text) => {
  if (stderr.length < STDERR_LIMIT) stderr += text;
});

process.on("message", async (request: Request) => {
  stderr = "";
  stdoutStack = false;
  process.exitCode = undefined;
  process.chdir(request.cwd);
  await main(request.args);
  const exit = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  const reply: Reply = { id: request.id, exit, stderr, stdoutStack, heapUsed: process.memoryUsage().heapUsed };
  process.send!(reply);
});

/**
 * Loads what the commands load on first use (the AsyncAPI parser, the TypeScript compiler for
 * generate) by running them once on the example registry's OpenAPI and AsyncAPI contracts, so
 * that loading is not charged to the first mutant's time.
 */
async function warmUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "charter-fuzz-warm-"));
  try {
    for (const name of ["reg", "orig"]) {
      for (const path of ["charter.yaml", "orders"]) cpSync(join(ROOT, "contracts", path), join(dir, name, path), { recursive: true });
    }
    process.chdir(dir);
    for (const command of COMMANDS) await main(command.args(dir));
  } finally {
    process.exitCode = undefined;
    rmSync(dir, { recursive: true, force: true });
  }
}

await warmUp();
process.send!({ ready: true });
