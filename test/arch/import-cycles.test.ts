import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseCircular, parseDependencyTree } from "dpdm";
import { ROOT } from "../helpers/cli.js";

/**
 * The core (`src/`) and the shell (`cli/`) import without cycles: a cycle means two concepts share
 * a file's worth of something that belongs in its own file. Type-only and dynamic imports count,
 * as both tie modules together. (templates/ is generated code's source, checked by its own tests.)
 */
test("src/ and cli/ have no import cycles", async () => {
  const files = ["src", "cli"].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f)));
  const tree = await parseDependencyTree(files, { cwd: ROOT, context: ROOT, transform: false, skipDynamicImports: false });
  // A relative import dpdm could not resolve would hide the cycles through it.
  const unresolved = Object.values(tree).flatMap((deps) => deps ?? []).filter((d) => d.request.startsWith(".") && d.id === null);
  assert.deepEqual(unresolved.map((d) => `${d.issuer} imports ${d.request}`), []);
  assert.ok(Object.keys(tree).filter((id) => id.startsWith("src/")).length > 150, "dpdm read src/");
  const cycles = parseCircular(tree).map((cycle) => cycle.join(" -> "));
  assert.deepEqual(cycles, []);
});
