/**
 * bench/docs/stripe: `charter docs` on a registry holding one Stripe spec (../shared/corpus/real-world,
 * the newest revision, ~4 MB of OpenAPI 3.0), side by side with `redocly build-docs` on the same
 * file when @redocly/cli is installed in node_modules (`npm i --no-save @redocly/cli`). Runs
 * alternate A/B; prints medians of wall time and peak RSS, the ratio, the largest page and the
 * search index's size. Goal (issue 19): no slower than Redocly, under 1 GB.
 * Usage: node --import tsx bench/docs/stripe.ts [--runs N] [--spec N]   (needs `npm run build`)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, median, type Measured } from "./measure.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const arg = (name: string, fallback: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const RUNS = Number(arg("--runs", "3"));
const SPEC = join(ROOT, "..", "shared", "corpus", "real-world", "stripe", arg("--spec", "551"), "revision.yaml");

if (!existsSync(SPEC)) {
  console.log(`skipped: ${SPEC} is missing (the real-world corpus lives in ../shared/corpus)`);
  process.exit(0);
}

/** Redocly's CLI entry point, when installed; the bench never installs it. */
function redoclyCli(): string | undefined {
  try {
    const manifest = createRequire(join(ROOT, "package.json")).resolve("@redocly/cli/package.json");
    return join(manifest, "..", "bin", "cli.js");
  } catch {
    return undefined;
  }
}

const work = mkdtempSync(join(tmpdir(), "charter-bench-stripe-"));
mkdirSync(join(work, "contracts"));
copyFileSync(SPEC, join(work, "contracts", "stripe.openapi.yaml"));
// Redocly would otherwise report usage to its servers and look for updates.
process.env.REDOCLY_TELEMETRY = "off";
process.env.REDOCLY_SUPPRESS_UPDATE_NOTICE = "true";

const redocly = redoclyCli();
const charterRuns: Measured[] = [];
const redoclyRuns: Measured[] = [];
let largestPage = 0;
let searchIndex = 0;
let searchFiles = 0;
let largestSearchFile = 0;
let redoclyPage = 0;
for (let round = 0; round < RUNS; round++) {
  const runCharter = () => {
    rmSync(join(work, "site"), { recursive: true, force: true });
    charterRuns.push(measureNode(CHARTER, ["docs", "contracts", "--out", "site"], work));
    const pages = join(work, "site", "contracts");
    largestPage = Math.max(...readdirSync(pages).map((f) => statSync(join(pages, f)).size));
    const search = readdirSync(join(work, "site", "search"));
    searchIndex = search.reduce((sum, f) => sum + statSync(join(work, "site", "search", f)).size, 0);
    searchFiles = search.length;
    largestSearchFile = Math.max(...search.map((f) => statSync(join(work, "site", "search", f)).size));
  };
  const runRedocly = () => {
    if (!redocly) return;
    redoclyRuns.push(measureNode(redocly, ["build-docs", "contracts/stripe.openapi.yaml", "-o", "redoc.html"], work));
    redoclyPage = statSync(join(work, "redoc.html")).size;
  };
  // A/B alternating: whichever goes first in a round goes second in the next.
  for (const run of round % 2 ? [runRedocly, runCharter] : [runCharter, runRedocly]) run();
}
rmSync(work, { recursive: true, force: true });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const summary = (runs: Measured[]) => ({ ms: median(runs.map((r) => r.ms)), peak: median(runs.map((r) => r.peakMb)) });
const ours = summary(charterRuns);
console.log(`Stripe spec ${SPEC.split("/").slice(-2).join("/")} (${mb(statSync(SPEC).size)}), ${RUNS} rounds, medians:`);
console.log(`  charter docs:         ${ours.ms.toFixed(0).padStart(6)} ms, peak RSS ${ours.peak.toFixed(0)} MB; largest page ${mb(largestPage)}, search index ${mb(searchIndex)} in ${searchFiles} files (largest ${mb(largestSearchFile)}; a query loads a few)`);
if (redocly) {
  const peer = summary(redoclyRuns);
  console.log(`  redocly build-docs:   ${peer.ms.toFixed(0).padStart(6)} ms, peak RSS ${peer.peak.toFixed(0)} MB; its page ${mb(redoclyPage)} (renders in the browser from the embedded spec)`);
  console.log(`  ratio charter/redocly: time x${(ours.ms / peer.ms).toFixed(2)}, peak RSS x${(ours.peak / peer.peak).toFixed(2)}`);
} else {
  console.log("  redocly build-docs:   not compared, @redocly/cli is not installed in node_modules (npm i --no-save @redocly/cli)");
}
