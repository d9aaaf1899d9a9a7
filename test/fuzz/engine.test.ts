import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT } from "../helpers/cli.js";
import type { RunResult } from "./executor.js";
import { makeMutant } from "./mutant.js";
import { fileKind } from "./mutation.js";
import { MUTATIONS } from "./mutations.js";
import { rngFor } from "./prng.js";
import { judge, type ViolationClass } from "./promise.js";
import { groups } from "./sources.js";
import { parse } from "./tree.js";

const EXAMPLES = ["orders/orders.openapi.yaml", "orders/order-events.asyncapi.yaml", "payments/refund.schema.json", "catalog/v1/catalog.proto", "charter.yaml"];

test("a mutant is made again, byte for byte, from its seed and index", () => {
  const sources = groups("quick", {});
  for (let index = 0; index < 40; index++) {
    const [a, b] = [makeMutant(sources, 5, index), makeMutant(sources, 5, index)];
    assert.equal(a.mutation.name, b.mutation.name);
    assert.deepEqual([...a.registry], [...b.registry]);
  }
  const differs = Array.from({ length: 20 }, (_, i) => makeMutant(sources, 5, i).detail !== makeMutant(sources, 6, i).detail);
  assert.ok(differs.some(Boolean), "another seed makes other mutants");
});

test("every mutation changes some example file of its kinds, and the syntax-keeping ones still parse", () => {
  for (const mutation of MUTATIONS) {
    let applied = 0;
    for (const file of EXAMPLES.filter((path) => mutation.kinds.includes(fileKind(path)))) {
      const bytes = readFileSync(join(ROOT, "contracts", file));
      for (let index = 0; index < 8; index++) {
        const mutated = mutation.apply(bytes, rngFor(1, index), file);
        if (!mutated) continue;
        applied++;
        assert.notDeepEqual(mutated.bytes, bytes, `${mutation.name} on ${file}: ${mutated.detail}`);
        // js-yaml's own recursion gives out on deep nesting, which is valid YAML all the same.
        if (mutation.keepsSyntax && fileKind(file) !== "proto" && mutation.name !== "deep-nesting") {
          assert.doesNotThrow(() => parse(mutated.bytes.toString("utf8").replace(/^\uFEFF/, ""), fileKind(file) === "json"), `${mutation.name} on ${file}: ${mutated.detail}`);
        }
      }
    }
    assert.ok(applied > 0, `${mutation.name} found no place in the example registry`);
  }
});

const run = (exit: RunResult["exit"], stderr: string, extra: Partial<RunResult> = {}): RunResult => ({ args: [], exit, stderr, death: "", stdoutStack: false, ms: 1, ...extra });
const dir = join(ROOT, "contracts");

test("the judge holds each run to the promise", () => {
  const cases: Array<[RunResult, ViolationClass[], boolean?]> = [
    [run(0, "wrote 3 files to sdk\n"), []],
    [run(1, ""), []],
    [run(2, "charter: orders/orders.openapi.yaml:3:7: bad\n"), []],
    [run(2, "charter: orders/orders.openapi.yaml: does not parse\n"), [], false],
    [run(2, "charter: orders/orders.openapi.yaml: dangling $ref\n"), ["no-position"]],
    [run(2, "charter: catalog: no contracts found\n"), []],
    [run(2, "charter: no contracts found in catalog\n"), ["no-file"]],
    [run(2, "charter: URI malformed\n"), ["no-file"]],
    [run(2, "charter: ../package.json:1:1: outside\n"), ["no-file"]],
    [run(2, "warning: x\ncharter: orders/orders.openapi.yaml:3:7: bad\n"), ["stderr-lines"]],
    [run(2, ""), ["stderr-lines"]],
    [run(1, "TypeError: x is undefined\n    at walk (/app/dist/charter.js:10:5)\n"), ["stack-trace"]],
    [run(0, "", { stdoutStack: true }), ["stack-trace"]],
    [run(3, "charter: orders/orders.openapi.yaml:3:7: bad\n"), ["exit-code"]],
    [run("timeout", "", { limit: "10010 ms of CPU time" }), ["timeout"]],
    [run("crash", "", { death: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" }), ["out-of-memory"]],
    [run("crash", "", { death: "RangeError: x\n    at f (file.js:1:2)\n" }), ["stack-trace"]],
    [run("crash", "", { death: "killed by SIGSEGV" }), ["crash"]],
  ];
  for (const [result, expected, parses = true] of cases) {
    assert.deepEqual(
      judge(result, { dir, parses: () => parses }).map((v) => v.class),
      expected,
      `${result.exit}: ${result.stderr}${result.death}`,
    );
  }
});
