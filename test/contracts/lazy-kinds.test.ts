import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT, tempTree } from "../helpers/cli.js";

const OPENAPI = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\n";
const PROTO = 'syntax = "proto3";\npackage shop.v1;\nmessage Order { string id = 1; }\n';
const ASYNCAPI = "asyncapi: 3.0.0\ninfo: { title: T, version: '1' }\n";

/**
 * Runs lint and breaking over a registry in a process of its own and lists what it loaded: the ES
 * modules it resolved and the CommonJS modules it required (@asyncapi/parser is one).
 */
function modulesLoadedFor(files: Record<string, string>): string[] {
  const dir = tempTree(Object.fromEntries(Object.entries(files).map(([path, text]) => [`reg/${path}`, text])));
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  const script = join(dir, "run.mjs");
  const source = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  writeFileSync(script, `
    import { createRequire } from "node:module";
    import { runBreaking } from ${source("src/breaking.ts")};
    import { runLint } from ${source("src/lint/run.ts")};
    const reg = { label: "reg", base: "reg", files: new Map(${JSON.stringify(Object.entries(files))}) };
    await runLint(reg);
    await runBreaking(reg, { ...reg, files: new Map(reg.files) });
    process.stdout.write(Object.keys(createRequire(import.meta.url).cache).join("\\n"));
  `);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--import", pathToFileURL(join(ROOT, "test/helpers/module-recorder.mjs")).href, script], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, CHARTER_MODULE_LOG: log },
  });
  assert.equal(run.status, 0, run.stderr);
  return [...readFileSync(log, "utf8").split("\n"), ...run.stdout.split("\n")].filter(Boolean);
}

const loads = (modules: string[], what: RegExp) => modules.some((m) => what.test(m));
// Rule modules of every kind load with the rule list (plain code); the engines must not.
const PROTO_MACHINERY = /@bufbuild[/\\]protobuf|src[/\\]compat[/\\]proto[/\\]|src[/\\]contracts[/\\]proto[/\\](compile|image|contracts)\.ts/;
const ASYNCAPI_MACHINERY = /@asyncapi[/\\]parser|src[/\\]compat[/\\]asyncapi[/\\](check|compare)\.ts/;

describe("a kind's machinery loads only for registries that hold it", () => {
  it("an OpenAPI-only registry loads neither protobuf nor the AsyncAPI parser", () => {
    const modules = modulesLoadedFor({ "api.yaml": OPENAPI });
    assert.ok(loads(modules, /src[/\\]compat[/\\]openapi[/\\]check\.ts/), "the OpenAPI checker itself is loaded");
    assert.equal(loads(modules, PROTO_MACHINERY), false);
    assert.equal(loads(modules, ASYNCAPI_MACHINERY), false);
  });

  it("a proto-only registry loads protobuf but not the AsyncAPI parser", () => {
    const modules = modulesLoadedFor({ "shop/v1/order.proto": PROTO });
    assert.ok(loads(modules, PROTO_MACHINERY));
    assert.equal(loads(modules, ASYNCAPI_MACHINERY), false);
  });

  it("an AsyncAPI registry loads the parser but not protobuf", () => {
    const modules = modulesLoadedFor({ "events.yaml": ASYNCAPI });
    assert.ok(loads(modules, ASYNCAPI_MACHINERY));
    assert.equal(loads(modules, PROTO_MACHINERY), false);
  });
});

/** The modules the CLI (from source) loads for one command line in a registry folder. */
function modulesLoadedByCli(files: Record<string, string>, args: string[]): string[] {
  const dir = tempTree(files);
  const log = join(dir, "modules.log");
  writeFileSync(log, "");
  // Run where the registry is, so tsx is named by its path rather than found from the folder.
  const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "--import", pathToFileURL(join(ROOT, "test/helpers/module-recorder.mjs")).href, join(ROOT, "cli/charter.ts"), ...args], {
    cwd: dir, encoding: "utf8", env: { ...process.env, CHARTER_MODULE_LOG: log, CHARTER_CACHE_DIR: join(dir, "cache") },
  });
  assert.equal(run.status, 0, run.stderr);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

// Start-up is most of a small run (bench/proto): a command loads its own machinery only.
describe("a command loads only what it runs", () => {
  it("proto breaking with a text report loads no lint rule, other command, other formatter, nor the composed rule catalog", () => {
    const PROTO_V2 = PROTO.replace("string id = 1;", "string id = 1;\n  string note = 2;");
    const modules = modulesLoadedByCli({ "a/shop/v1/order.proto": PROTO_V2, "b/shop/v1/order.proto": PROTO }, ["breaking", "a", "--against", "b"]);
    assert.ok(loads(modules, /src[/\\]rules[/\\]catalog[/\\]proto-breaking\.ts/), "the proto breaking rules' entries are read");
    for (const needless of [/src[/\\]rules[/\\]catalog\.ts/, /src[/\\]rules[/\\]catalog[/\\](openapi|asyncapi|proto-lint|common)/, /src[/\\]lint[/\\](rules|helpers|run)/, /src[/\\](docs|codegen)[/\\]/, /src[/\\]report[/\\](sarif|junit|markdown|github)\.ts/, /cli[/\\]run[/\\](lint|check|docs|generate)\.ts/]) {
      assert.equal(loads(modules, needless), false, `${needless} is loaded`);
    }
  });
});
