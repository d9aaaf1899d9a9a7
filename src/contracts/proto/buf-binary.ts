import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

const ARCH: Record<string, string> = { x64: "x64", arm64: process.platform === "linux" ? "aarch64" : "arm64", arm: "armv7" };

/**
 * The buf executable shipped by the npm package `@bufbuild/buf`. The platform package's binary is
 * used directly: going through the package's Node wrapper would cost a second Node start-up per build.
 */
export function bufBinary(): string {
  const exe = process.platform === "win32" ? "buf.exe" : "buf";
  try {
    const platformPackage = `@bufbuild/buf-${process.platform}-${ARCH[process.arch] ?? process.arch}/package.json`;
    const candidate = join(dirname(require.resolve(platformPackage)), "bin", exe);
    if (existsSync(candidate)) return candidate;
  } catch {
    // fall through to the wrapper, which knows every platform
  }
  return join(dirname(require.resolve("@bufbuild/buf/package.json")), "bin", "buf");
}

export function bufVersion(): string {
  return (require("@bufbuild/buf/package.json") as { version: string }).version;
}
