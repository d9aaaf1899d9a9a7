/**
 * bench/yaml: reading a contract file, old reader against new, on Stripe's published specs (2–4 MB
 * of YAML, ../shared/corpus/real-world/stripe). "old" is src/registry/yaml-source.ts as it was at a
 * git ref (default main), "new" the working tree's. Runs alternate (old, new, old, new, ...) so a
 * busy machine slows both alike; prints the medians of CPU time (user + system) for the parse alone
 * and for the parse plus one position (what a finding's location costs: the position index).
 * Usage: node --import tsx bench/yaml/run.ts [--old REF] [--runs N]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { YamlSource } from "../../src/registry/yaml-source.js";
import { parseYamlSource as parseNew } from "../../src/registry/yaml-source.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
const STRIPE = resolve(ROOT, "../shared/corpus/real-world/stripe");
const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const OLD_REF = option("--old", "main");
const RUNS = Number(option("--runs", "5"));
const FILES = ["600/base.yaml", "1025/base.yaml", "1200/base.yaml"];

type Parse = (file: string, text: string) => YamlSource;

/** The reader as it was at a ref, written beside node_modules so it resolves its packages as it did. */
async function oldReader(ref: string): Promise<Parse> {
  const source = execFileSync("git", ["show", "--end-of-options", `${ref}:src/registry/yaml-source.ts`], { cwd: ROOT, encoding: "utf8" });
  const dir = join(ROOT, "node_modules", ".cache", "charter-bench-yaml");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "yaml-source.ts");
  writeFileSync(file, source.replace('"../errors.js"', JSON.stringify(pathToFileURL(join(ROOT, "src", "errors.ts")).href)));
  return ((await import(pathToFileURL(file).href)) as { parseYamlSource: Parse }).parseYamlSource;
}

const cpuMs = (run: () => void): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parseOld = await oldReader(OLD_REF);
const readers: [string, Parse][] = [[`old (${OLD_REF})`, parseOld], ["new", parseNew]];
console.log(`bench/yaml: ${RUNS} alternating runs each, medians of CPU ms`);
for (const name of FILES) {
  const text = readFileSync(join(STRIPE, name), "utf8");
  // A place deep in the document, as a finding names one.
  const value = parseNew(name, text).value as { paths: Record<string, unknown> };
  const path = Object.keys(value.paths).at(-1)!;
  const times = new Map(readers.map(([label]) => [label, { parse: [] as number[], located: [] as number[] }]));
  for (let i = 0; i <= RUNS; i++) {
    for (const [label, parse] of readers) {
      const parseMs = cpuMs(() => parse(name, text));
      const locatedMs = cpuMs(() => parse(name, text).position(["paths", path, "get"]));
      // The first round warms up.
      if (i > 0) {
        times.get(label)!.parse.push(parseMs);
        times.get(label)!.located.push(locatedMs);
      }
    }
  }
  console.log(`${name} (${(text.length / 1e6).toFixed(1)} MB)`);
  for (const [label, { parse, located }] of times) {
    console.log(`  ${label.padEnd(12)} parse ${median(parse).toFixed(0).padStart(6)} ms   parse + a position ${median(located).toFixed(0).padStart(6)} ms`);
  }
}
