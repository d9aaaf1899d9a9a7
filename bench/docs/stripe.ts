/**
 * The Stripe part of bench/docs: `charter docs` on a registry holding one Stripe spec
 * (../shared/corpus/real-world, ~4 MB of OpenAPI 3.0) side by side with `redocly build-docs` (a
 * pinned devDependency) on the same file. Rounds alternate which tool goes first; medians of wall
 * time, CPU time (user+sys, steadier on a shared machine) and peak RSS, their ratios, the largest
 * page and the search index's size.
 * Goal (issue 19): no slower than Redocly, under 1 GB.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureNode, median, type Measured } from "./measure.js";

// Redocly reports usage to its servers and looks for a newer version unless told not to; with
// these it opens no network connection (checked under strace and in a namespace without network).
const REDOCLY_ENV = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sizes = (dir: string) => readdirSync(dir).map((f) => statSync(join(dir, f)).size);

/** Prints the comparison on the spec at `<corpus>/stripe/<revision>/revision.yaml`, or why it cannot. */
export function compareWithRedocly(root: string, revision: string, rounds: number): void {
  const spec = join(root, "..", "shared", "corpus", "real-world", "stripe", revision, "revision.yaml");
  if (!existsSync(spec)) {
    console.log(`Stripe spec: skipped, ${spec} is missing (the real-world corpus lives in ../shared/corpus)`);
    return;
  }
  const redocly = join(createRequire(join(root, "package.json")).resolve("@redocly/cli/package.json"), "..", "bin", "cli.js");
  const work = mkdtempSync(join(tmpdir(), "charter-bench-stripe-"));
  mkdirSync(join(work, "contracts"));
  copyFileSync(spec, join(work, "contracts", "stripe.openapi.yaml"));

  const charterRuns: Measured[] = [];
  const redoclyRuns: Measured[] = [];
  let largestPage = 0;
  let search: number[] = [];
  let redoclyPage = 0;
  const runCharter = (round: number) => {
    rmSync(join(work, "site"), { recursive: true, force: true });
    const env = { ...process.env, CHARTER_CACHE_DIR: join(work, `cache-${round}`) };
    charterRuns.push(measureNode(join(root, "dist", "charter.js"), ["docs", "contracts", "--out", "site"], work, env));
    largestPage = Math.max(...sizes(join(work, "site", "contracts")));
    search = sizes(join(work, "site", "search"));
  };
  const runRedocly = () => {
    redoclyRuns.push(measureNode(redocly, ["build-docs", "contracts/stripe.openapi.yaml", "-o", "redoc.html"], work, REDOCLY_ENV));
    redoclyPage = statSync(join(work, "redoc.html")).size;
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2) {
      runRedocly();
      runCharter(round);
    } else {
      runCharter(round);
      runRedocly();
    }
  }
  rmSync(work, { recursive: true, force: true });

  const summary = (runs: Measured[]) => ({ ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpuMs)), peak: median(runs.map((r) => r.peakMb)) });
  const ours = summary(charterRuns);
  const peer = summary(redoclyRuns);
  const version = createRequire(join(root, "package.json"))("@redocly/cli/package.json").version;
  console.log(`Stripe spec ${spec.split("/").slice(-2).join("/")} (${mb(statSync(spec).size)}), ${rounds} alternating rounds, medians:`);
  console.log(`  charter docs:              ${ours.ms.toFixed(0).padStart(6)} ms (CPU ${ours.cpu.toFixed(0)} ms), peak RSS ${ours.peak.toFixed(0).padStart(4)} MB; largest page ${mb(largestPage)}, search index ${mb(search.reduce((a, b) => a + b, 0))} in ${search.length} files (largest ${mb(Math.max(...search))}; a query loads a few)`);
  console.log(`  redocly build-docs ${version}: ${peer.ms.toFixed(0).padStart(6)} ms (CPU ${peer.cpu.toFixed(0)} ms), peak RSS ${peer.peak.toFixed(0).padStart(4)} MB; its one page ${mb(redoclyPage)} (renders in the browser from the embedded spec)`);
  console.log(`  ratio charter/redocly:     time x${(ours.ms / peer.ms).toFixed(2)}, CPU x${(ours.cpu / peer.cpu).toFixed(2)}, peak RSS x${(ours.peak / peer.peak).toFixed(2)} (goal: time x1.00 or less, peak under 1024 MB)`);
}
