import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./cli.js";

/**
 * Writes generated SDK files into a fresh folder with a strict tsconfig and type checks them with
 * tsc. The SDKs import their runtime dependencies (cloudevents, nats, @connectrpc/*, …), which
 * resolve from charter's own node_modules through a symlink.
 */
export function compileSdk(files: Map<string, string>, prefix = "charter-sdk-"): { dir: string; output: string; status: number } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const compilerOptions = {
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    module: "NodeNext",
    moduleResolution: "NodeNext",
    target: "ES2022",
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["**/*.ts"], exclude: ["node_modules"] }));
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
  return { dir, output: run.stdout + run.stderr, status: run.status ?? -1 };
}
