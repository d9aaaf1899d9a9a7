import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ROOT } from "./cli.js";

/**
 * Writes generated SDK files into a fresh folder with a strict tsconfig and type checks them with
 * tsc. The SDKs import their runtime dependencies (cloudevents, nats, @connectrpc/*, …), which
 * resolve from charter's own node_modules through a symlink, and the shared runtime
 * (charter-runtime/), which is built first by its own tsconfig and linked into each package's
 * node_modules as npm links its `file:` dependency.
 */
export function compileSdk(files: Map<string, string>, prefix = "charter-sdk-"): { dir: string; output: string; status: number } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  if (files.has("charter-runtime/package.json")) {
    const build = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(dir, "charter-runtime"), "--pretty", "false"], { encoding: "utf8" });
    if (build.status !== 0) return { dir, output: build.stdout + build.stderr, status: build.status ?? -1 };
    for (const pkg of readdirSync(dir)) {
      if (pkg === "charter-runtime" || !existsSync(join(dir, pkg, "package.json"))) continue;
      mkdirSync(join(dir, pkg, "node_modules", "@charter"), { recursive: true });
      symlinkSync(join("..", "..", "..", "charter-runtime"), join(dir, pkg, "node_modules", "@charter", "runtime"), "dir");
    }
  }
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
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["**/*.ts"], exclude: ["node_modules", "*/dist"] }));
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
  return { dir, output: run.stdout + run.stderr, status: run.status ?? -1 };
}
