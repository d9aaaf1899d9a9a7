// The official schemas' validators (OpenAPI 3.0–3.2, the current AsyncAPI minors, charter.yaml's),
// compiled at build time and shipped in dist/validators/: compiling one costs a first run on a
// machine 0.2–1 s of CPU, and a CI runner is always a first run (ARCHITECTURE.md, "Start-up").
// They are what such a run writes to its cache (src/contracts/validator-cache.ts), with ajv's
// helpers required by package name rather than by this install's path.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const openapi = (version) => `openapi: ${version}\ninfo: { title: T${version}, version: 1.0.0 }\npaths: {}\n`;
const asyncapi = (version) =>
  version.startsWith("2.")
    ? `asyncapi: ${version}\nid: urn:ship:${version}\ninfo: { title: T, version: 1.0.0 }\nchannels: {}\n`
    : `asyncapi: ${version}\nid: urn:ship:${version}\ninfo: { title: T, version: 1.0.0 }\n`;
const documents = {
  "charter.yaml": "version: 1\n",
  "a30.openapi.yaml": openapi("3.0.3"),
  "a31.openapi.yaml": openapi("3.1.0"),
  "a32.openapi.yaml": openapi("3.2.0"),
  "e26.asyncapi.yaml": asyncapi("2.6.0"),
  "e30.asyncapi.yaml": asyncapi("3.0.0"),
  "e31.asyncapi.yaml": asyncapi("3.1.0"),
};

export function shipValidators() {
  const work = mkdtempSync(join(tmpdir(), "charter-ship-validators-"));
  try {
    const registry = join(work, "registry");
    mkdirSync(registry);
    for (const [name, text] of Object.entries(documents)) writeFileSync(join(registry, name), text);
    const run = spawnSync(process.execPath, ["dist/charter.js", "breaking", registry, "--against", registry], {
      env: { ...process.env, CHARTER_CACHE_DIR: join(work, "cache") },
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`compiling the shipped validators failed (exit ${run.status}): ${run.stderr}`);
    mkdirSync("dist/validators");
    const cached = join(work, "cache", "validators");
    const files = readdirSync(cached);
    if (files.length !== Object.keys(documents).length) throw new Error(`expected ${Object.keys(documents).length} validators, compiled ${files.join(", ")}`);
    for (const file of files) {
      const code = readFileSync(join(cached, file), "utf8").replace(/require\("[^"]*\/node_modules\/(ajv[^"]*)"\)/g, (_, id) => `require(${JSON.stringify(id)})`);
      writeFileSync(join("dist/validators", file), code);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
