import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./cli.js";

/** Prism's CLI, a devDependency: installed by `npm ci` with the rest. */
const PRISM = join(ROOT, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

/** A port free a moment ago: Prism prints the port it was given, not the one it got, so it is given one. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `prism mock SPEC` on 127.0.0.1 (`--dynamic --seed` with `dynamic`), its log at warnings only,
 * and its base URL once it answers: Prism takes a while to read a spec the size of Stripe's.
 */
export async function startPrism(spec: string, dynamic = false): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const args = [PRISM, "mock", spec, "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", "warn", ...(dynamic ? ["--dynamic", "--seed", "charter"] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  let exited: number | null | undefined;
  child.once("exit", (status) => (exited = status));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited !== undefined) throw new Error(`prism exited ${exited}: ${stderr}`);
    try {
      await fetch(`${url}/`);
      return { child, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
