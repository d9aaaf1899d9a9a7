import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter } from "../helpers/cli.js";

/** A googleapis-style package of two files whose RPCs map to REST with `google.api.http`. */
const REGISTRY = join("test", "docs", "fixtures", "googleapis-style");

/** The row of an RPC on the package's page. */
const rpcRow = (html: string, rpc: string): string => {
  const at = html.indexOf(`<tr class="rpc" id="rpc-library-v1-LibraryService-${rpc}">`);
  assert.ok(at >= 0, rpc);
  return html.slice(at, html.indexOf("</tr>", at));
};

describe("proto pages of a googleapis-style package", () => {
  const out = join(mkdtempSync(join(tmpdir(), "charter-site-")), "site");
  const run = charter(["docs", REGISTRY, "--out", out]);
  const page = () => readFileSync(join(out, "contracts", "proto-library-v1.html"), "utf8");

  it("shows each RPC's REST mappings from google.api.http: verb, path, body, custom verbs and additional bindings", () => {
    assert.equal(run.status, 0, run.stderr);
    const mappings = (rpc: string) => [...rpcRow(page(), rpc).matchAll(/<div class="http">(.*?)<\/div>/g)].map((m) => m[1].replace(/<[^>]+>/g, "").replace(/&#x3D;/g, "="));
    assert.deepEqual(mappings("GetShelf"), ["GET /v1/{name=shelves/*}", "GET /v1/shelves:byName/{name}"]);
    assert.deepEqual(mappings("CreateShelf"), ["POST /v1/shelves body shelf"]);
    assert.deepEqual(mappings("SortShelves"), ["SORT /v1/shelves"]);
    assert.deepEqual(mappings("Compact"), []);
  });

  it("shows every file of the package and the messages each declares", () => {
    const html = page();
    assert.match(html, /<dt>Files<\/dt><dd><code>library\/v1\/library\.proto<\/code>, <code>library\/v1\/shelf\.proto<\/code><\/dd>/);
    // Shelf is declared in the second file.
    assert.match(html, /id="msg-library-v1-Shelf"/);
    assert.match(html, /id="field-library-v1-Shelf-theme"/);
  });
});
