// Bundles the CLI into a few files: loading ~200 small ES modules costs more start-up time than
// the whole comparison of a small registry, and charter runs once per CI job and pre-commit hook.
// The bundle is CommonJS, each file wrapped as a function, so that dist/charter.js (cli/start.ts)
// can load it with V8 code caches (ARCHITECTURE.md, "Start-up").
import { build, transform } from "esbuild";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { shipValidators } from "./ship-validators.mjs";

/**
 * yargs imports cliui and string-width (with wrap-ansi and emoji-regex) to render help; loading them
 * compiles Unicode property regular expressions and makes Intl.Segmenters, a good part of a small
 * run's start-up, and charter renders help only when asked (cli/main.ts). yargs gets stand-ins
 * that load the real module on first call: a bundled require() evaluates its module when called.
 */
const lazyHelpText = {
  name: "lazy-help-text",
  setup(build) {
    build.onResolve({ filter: /^(cliui|string-width)$/ }, (args) =>
      args.namespace === "lazy-help-text" ? undefined : { path: args.path, namespace: "lazy-help-text", pluginData: args.resolveDir });
    build.onLoad({ filter: /.*/, namespace: "lazy-help-text" }, (args) => ({
      contents: `export default (...args) => require(${JSON.stringify(args.path)}).default(...args);`,
      resolveDir: args.pluginData,
    }));
  },
};

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync("dist", { recursive: true, force: true });
const bundled = await build({
  entryPoints: { charter: "cli/charter.ts" },
  outdir: "dist/app",
  write: false,
  // Each kind of contract's checker is a chunk of its own, loaded when a registry holds that kind.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Set per file by the CommonJS wrapper below.
  define: { "import.meta.url": "__charterImportMetaUrl" },
  // The buf binary is found through its npm package at run time, never bundled; openapi-typescript
  // and @ovotech/avro-ts load the TypeScript compiler, which expects to run as CommonJS from node_modules.
  external: ["@bufbuild/buf", "openapi-typescript", "@ovotech/avro-ts"],
  plugins: [lazyHelpText],
  logLevel: "warning",
});

// esbuild splits ES modules only; each file becomes CommonJS, its dynamic import() of a chunk a
// require() that cli/start.ts serves.
const hash = createHash("sha256");
for (const file of bundled.outputFiles) {
  // The bundle step already warned about charter's own code; here a dependency's (the cloudevents SDK's
  // precompiled ajv code switches on `typeof x` with a "null" case), which esbuild hides in node_modules.
  const { code } = await transform(file.text, { format: "cjs", target: "node20", supported: { "dynamic-import": false }, logLevel: "warning", logOverride: { "impossible-typeof": "silent" } });
  const url = code.includes("__charterImportMetaUrl") ? "var __charterImportMetaUrl = require('node:url').pathToFileURL(__filename).href;\n" : "";
  // The entry's hashbang would sit inside the wrapper; dist/charter.js has its own.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${url}${code.replace(/^#!.*\n/, "")}\n})`;
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, wrapped);
  hash.update(relative("dist", file.path)).update("\0").update(wrapped);
}

await build({
  entryPoints: ["cli/start.ts"],
  outfile: "dist/charter.js",
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  define: { CHARTER_BUILD_KEY: JSON.stringify(hash.digest("hex").slice(0, 16)) },
  logLevel: "warning",
});
chmodSync("dist/charter.js", 0o755);
// The package is an ES module package; dist/ is CommonJS.
writeFileSync(join("dist", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
shipValidators();
