// npm run fuzz [-- --seed S] [--count N] [--only N] [--profile quick|full] [--jobs J] [--spawn] [--stop-at-limit] [--write DIR]
// Runs every charter command on thousands of mutated registries and prints the tally; with
// --only, one mutant in detail (and --write keeps its folder for debugging).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { corpus } from "../helpers/corpus.js";
import { runCampaign } from "./campaign.js";
import { COMMANDS } from "./commands.js";
import { makeMutant } from "./mutant.js";
import { describeMutant, writeMutant } from "./run-mutant.js";
import { groups, type Profile } from "./sources.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    count: { type: "string", default: "3000" },
    only: { type: "string" },
    profile: { type: "string", default: "full" },
    jobs: { type: "string", default: String(Math.min(2, availableParallelism())) },
    spawn: { type: "boolean", default: false },
    "stop-at-limit": { type: "boolean", default: false },
    write: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const profile = values.profile as Profile;
if (profile !== "quick" && profile !== "full") throw new Error(`--profile is quick or full, not ${values.profile}`);
const seed = Number(values.seed);
const found = (name: string) => {
  const lookup = corpus(name);
  if (lookup.skip) process.stderr.write(`fuzz: ${lookup.skip}\n`);
  return lookup.dir;
};
const dirs = { asyncapi: found("real-world/asyncapi-spec"), stripe: profile === "full" ? found("real-world/stripe") : undefined };

if (values.write !== undefined) {
  if (values.only === undefined) throw new Error("--write needs --only N: the mutant to write");
  const mutant = makeMutant(groups(profile, dirs), seed, Number(values.only));
  const dir = resolve(values.write);
  writeMutant(mutant, dir);
  process.stdout.write(`${describeMutant(mutant, profile)}\nwrote ${dir}/reg (mutated) and ${dir}/orig; in ${dir} run:\n`);
  for (const command of COMMANDS) process.stdout.write(`  charter ${command.args(".").join(" ")}\n`);
  process.exit(0);
}

// Ctrl-C (or SIGINT) prints the tally of the mutants done so far.
let report = () => {};
process.on("SIGINT", () => {
  report();
  process.exit(130);
});

const indexes = values.only !== undefined ? [Number(values.only)] : Array.from({ length: Number(values.count) }, (_, i) => i);
const started = performance.now();
let done = 0;
const campaign = runCampaign({
  profile,
  seed,
  indexes,
  jobs: Number(values.jobs),
  spawn: values.spawn,
  stopAtLimit: values["stop-at-limit"],
  dirs,
  onStart: (tally) => (report = () => process.stdout.write(`\nseed ${seed}, profile ${profile}, ${Math.round((performance.now() - started) / 1000)} s\n${tally.format()}\n`)),
  onOutcome: (outcome) => {
    done++;
    const failed = outcome.commands.filter((command) => command.violations.length);
    if (values.only !== undefined) {
      process.stdout.write(`${describeMutant(outcome.mutant, profile)}\n`);
      for (const { command, run, violations } of outcome.commands) {
        process.stdout.write(`  ${command}: exit ${run.exit} in ${Math.round(run.ms)} ms${violations.map((v) => ` [${v.class}]`).join("")}\n`);
        for (const line of `${run.stderr}${run.death}`.trim().split("\n").filter(Boolean).slice(0, 20)) process.stdout.write(`    ${line}\n`);
      }
    } else if (failed.length && !values.quiet) {
      process.stderr.write(`${describeMutant(outcome.mutant, profile)}\n${failed.map((c) => `  ${c.command}: ${c.violations.map((v) => `${v.class}: ${v.evidence}`).join("; ")}`).join("\n")}\n`);
    }
    if (done % 100 === 0) process.stderr.write(`fuzz: ${done}/${indexes.length} mutants, ${Math.round((performance.now() - started) / 1000)} s\n`);
  },
});
const tally = await campaign;
report();
process.exitCode = tally.violationCount ? 1 : 0;
