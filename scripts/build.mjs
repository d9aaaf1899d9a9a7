// Bundles the CLI into a few files: loading ~200 small ES modules costs more start-up time than
// the whole comparison of a small registry, and charter runs once per CI job and pre-commit hook.
import { build } from "esbuild";
import { rmSync } from "node:fs";

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { charter: "cli/charter.ts" },
  outdir: "dist",
  // Each kind of contract's checker is a chunk of its own, loaded when a registry holds that kind.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __charterRequire } from 'node:module'; const require = __charterRequire(import.meta.url);" },
  // The buf binary is found through its npm package at run time, never bundled; openapi-typescript
  // and @ovotech/avro-ts load the TypeScript compiler, which expects to run as CommonJS from node_modules.
  external: ["@bufbuild/buf", "openapi-typescript", "@ovotech/avro-ts"],
  logLevel: "warning",
});
