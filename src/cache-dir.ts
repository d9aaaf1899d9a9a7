import { homedir } from "node:os";
import { join } from "node:path";

/** Where charter keeps what it can rebuild: compiled proto images, compiled validators. */
export function cacheDir(): string {
  return process.env.CHARTER_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "charter");
}
