/**
 * bench/verify: `charter mock` in requests per second (valid GETs of the example registry's
 * getOrder, and invalid POSTs it answers 400, 16 at a time over keep-alive), and `charter verify`
 * against it in operations per second, whole process, on the example registry and on a Stripe spec
 * from ../shared/corpus (2020, every safe operation) when it is there. Prints medians over runs.
 * Prism (@stoplight/prism-cli, static mode, log at warnings) side by side on the same requests of
 * the example registry, runs alternating charter, Prism, charter, Prism; its 400 is Prism's 422.
 * Prism does not finish reading the Stripe spec (over 9 CPU minutes), so Stripe is charter's alone.
 * Usage: node --import tsx bench/verify/run.ts [--runs N]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { startPrism } from "../../test/helpers/prism.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const CHARTER = join(ROOT, "dist", "charter.js");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const REQUESTS = 4000;
const CONCURRENCY = 16;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function startMock(registry: string): Promise<{ child: ChildProcess; urls: Map<string, string> }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHARTER, "mock", registry, "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
      const urls = new Map([...stderr.matchAll(/^charter mock: (\S+) at (\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (urls.size) done({ child, urls });
    });
    child.on("exit", (status) => fail(new Error(`charter mock exited ${status}: ${stderr}`)));
  });
}

/** Requests per second for REQUESTS requests, CONCURRENCY in flight; every answer must have `status`. */
async function load(url: string, init: RequestInit, status: number): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  const worker = async () => {
    while (next++ < REQUESTS) {
      const response = await fetch(url, init);
      await response.arrayBuffer();
      if (response.status !== status) throw new Error(`${url}: ${response.status}, expected ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return REQUESTS / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Operations per second of one `charter verify` process, start-up included. */
function verifyRate(registry: string, target: string, operations: number): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CHARTER, "verify", registry, "--target", target], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (run.status !== 0) throw new Error(`charter verify exited ${run.status}: ${run.stderr}`);
  return operations / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main(): Promise<void> {
  const mock = await startMock(join(ROOT, "contracts"));
  const base = mock.urls.get("shop.orders.v1")!;
  const prism = await startPrism(join(ROOT, "contracts", "orders", "orders.openapi.yaml"));
  const perSecond = { charter: { valid: [] as number[], invalid: [] as number[] }, prism: { valid: [] as number[], invalid: [] as number[] } };
  const verify: number[] = [];
  const bad = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: "u", items: [], currency: "eur" }) };
  for (let i = 0; i < RUNS; i++) {
    for (const [name, url, refusal] of [["charter", base, 400], ["prism", prism.url, 422]] as const) {
      perSecond[name].valid.push(await load(`${url}/orders/o-1?include=items`, {}, 200));
      perSecond[name].invalid.push(await load(`${url}/orders`, bad, refusal));
    }
    // The example registry has one safe operation.
    verify.push(verifyRate(join(ROOT, "contracts"), `shop.orders.v1=${base}`, 1));
  }
  mock.child.kill("SIGTERM");
  prism.child.kill("SIGTERM");
  const line = (name: "charter" | "prism") => `${median(perSecond[name].valid).toFixed(0)} valid GET/s, ${median(perSecond[name].invalid).toFixed(0)} invalid POST/s refused`;
  console.log(`example registry, median of ${RUNS} alternating runs, ${REQUESTS} requests, ${CONCURRENCY} in flight:`);
  console.log(`  charter mock: ${line("charter")}`);
  console.log(`  Prism:        ${line("prism")}`);
  console.log(`  charter/Prism: ${(median(perSecond.charter.valid) / median(perSecond.prism.valid)).toFixed(2)}x valid, ${(median(perSecond.charter.invalid) / median(perSecond.prism.invalid)).toFixed(2)}x invalid`);
  console.log(`charter verify, example registry (1 operation, start-up included): ${median(verify).toFixed(2)} operations/s`);
  const stripe = join(ROOT, "..", "shared", "corpus", "real-world", "stripe", "975", "revision.yaml");
  if (!existsSync(stripe)) {
    console.log("Stripe: ../shared/corpus is not there; skipped");
    return;
  }
  const registry = mkdtempSync(join(tmpdir(), "charter-bench-verify-"));
  copyFileSync(stripe, join(registry, "stripe.openapi.yaml"));
  const served = await startMock(registry);
  const target = `stripe.openapi.yaml=${served.urls.get("stripe.openapi.yaml")}`;
  // What verify sends by default: the safe operations.
  const paths = Object.values((parse(readFileSync(stripe, "utf8")) as { paths: Record<string, object> }).paths);
  const operations = paths.flatMap((item) => Object.keys(item).filter((method) => ["get", "head", "options"].includes(method))).length;
  const rates: number[] = [];
  for (let i = 0; i < RUNS; i++) rates.push(verifyRate(registry, target, operations));
  served.child.kill("SIGTERM");
  console.log(`charter verify, Stripe 2020 (${operations} operations, start-up included): ${median(rates).toFixed(1)} operations/s (median of ${RUNS})`);
}

await main();
