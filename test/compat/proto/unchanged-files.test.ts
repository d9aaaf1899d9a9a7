import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { checkProto } from "../../../src/compat/proto/check.js";
import { InputError } from "../../../src/errors.js";
import { snapshot } from "../../helpers/proto.js";

const orders = (field: string) => `syntax = "proto3";\npackage shop.orders.v1;\nmessage Order { ${field} }\n`;
const broken = 'syntax = "proto3";\npackage shop.users.v1;\nimport "shop/missing.proto";\nmessage User { string id = 1; }\n';
const users = 'syntax = "proto3";\npackage shop.users.v1;\nmessage User { string id = 1; }\n';

/** `breaking` compares only what changed; the rest must still compile, as `check` requires. */
describe("unchanged files in breaking", () => {
  let cache: string;
  let saved: string | undefined;
  before(() => {
    saved = process.env.CHARTER_CACHE_DIR;
    cache = mkdtempSync(join(tmpdir(), "charter-unchanged-"));
    process.env.CHARTER_CACHE_DIR = cache;
  });
  after(() => {
    if (saved === undefined) delete process.env.CHARTER_CACHE_DIR;
    else process.env.CHARTER_CACHE_DIR = saved;
    rmSync(cache, { recursive: true, force: true });
  });

  const rows = [
    { name: "an unchanged file that misses an import fails with its file and line", files: { "users.proto": broken }, error: /users\.proto/ },
    { name: "an unchanged file that compiles passes", files: { "users.proto": users }, error: undefined },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const previous = snapshot({ "orders.proto": orders("string id = 1;"), ...row.files });
      const current = snapshot({ "orders.proto": orders("string id = 1; string note = 2;"), ...row.files });
      const run = checkProto(previous, current, {});
      if (!row.error) {
        assert.ok((await run).contracts.some((c) => c.id === "shop.users.v1" && c.change === "unchanged"));
        return;
      }
      await assert.rejects(run, (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.match(`${error.file}:${error.line}: ${error.message}`, row.error);
        assert.equal(error.line, 3);
        return true;
      });
    });
  }
});
