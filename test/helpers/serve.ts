import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT, type Run } from "./cli.js";

const BIN = join(ROOT, "dist", "charter.js");

/** The built CLI, run without blocking this process: the servers verify talks to live here. */
export function charterAsync(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

/** `charter mock REGISTRY --port 0`, and the URL it says each contract is served at, once it listens. */
export function startMock(registry: string, ...options: string[]): Promise<{ child: ChildProcess; urls: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "mock", registry, "--port", "0", ...options], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const urls = new Map([...stderr.matchAll(/^charter mock: (\S+) at (\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (urls.size) resolve({ child, urls });
    });
    child.on("exit", (status) => reject(new Error(`charter mock exited ${status}: ${stderr}`)));
  });
}

/** Stops a server started by a test and waits until it is gone. */
export function stopMock(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
