import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { ROOT } from "./cli.js";

/** Debian's Chromium, as .ci/run installs it: never a browser downloaded by a test tool. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Where browser tests keep their screenshots, as test artifacts. */
export const ARTIFACTS = join(ROOT, "test-artifacts");

/**
 * A reason to skip the browser tests, or false to run them. In CI a missing browser never skips:
 * the tests run and fail on it, so a broken CI image cannot pass unnoticed.
 */
export function browserSkip(): string | false {
  if (process.env.CI === "true" || existsSync(CHROMIUM)) return false;
  return `${CHROMIUM} is missing (apt-get install chromium); browser tests skipped outside CI`;
}

/**
 * Headless Chromium with the flags this machine needs (no sandbox as root, no background network:
 * the network is closed). Throws when the browser is missing: callers skip first with browserSkip().
 */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
