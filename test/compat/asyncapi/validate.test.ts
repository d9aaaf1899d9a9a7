import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkAsyncApi } from "../../../src/compat/asyncapi/check.js";
import { parserRuns } from "../../../src/contracts/asyncapi/parser.js";
import { loadRegistry } from "../../../src/contracts/load-registry.js";
import type { Snapshot } from "../../../src/registry/snapshot.js";
import { doc2, doc3 } from "./helpers.js";

// A cache of this test's own, so the first validation really runs the parser.
process.env.CHARTER_CACHE_DIR = mkdtempSync(join(tmpdir(), "charter-asyncapi-cache-"));

const snapshot = (files: Record<string, string>, label = "new"): Snapshot => ({ label, files: new Map(Object.entries(files)), base: label });
const TODAY = { today: new Date("2025-06-01T00:00:00Z") };
const violations = async (input: Snapshot) =>
  (await loadRegistry(input)).documents.flatMap((c) => c.violations.map((v) => `${v.location.file}:${v.location.line}:${v.location.column}: ${v.message}`));

describe("validation with @asyncapi/parser", () => {
  it("an error diagnostic becomes the document's violation at file:line:col, and the document is still compared", async () => {
    const broken = doc3().replace("    action: send\n", "    action: send\n    bogus: 1\n");
    const input = snapshot({ "events.yaml": broken });
    const { contracts } = await checkAsyncApi(snapshot({ "events.yaml": doc3() }, "old"), input, TODAY);
    assert.deepEqual(contracts.map((c) => c.change), ["modified"]);
    assert.deepEqual(await violations(input), ['events.yaml:12:12: not valid AsyncAPI 3.0.0: #/operations/sendPaid/bogus: Property "bogus" is not expected to be here']);
  });

  it("a document already validated on this machine never reaches the parser again", async () => {
    const text = doc2().replace('version: "1"', 'version: "cache-test"');
    const files = { "events.yaml": text };
    await checkAsyncApi(snapshot(files, "old"), snapshot(files), TODAY);
    const after = parserRuns();
    await checkAsyncApi(snapshot(files, "old"), snapshot(files), TODAY);
    assert.equal(parserRuns(), after);
  });

  it("an invalid document's error is cached too", async () => {
    const broken = doc2().replace("      operationId:", "      bogus: 1\n      operationId:");
    const run = async () => (await violations(snapshot({ "events.yaml": broken }))).join("\n");
    const first = await run();
    const runs = parserRuns();
    assert.match(first, /^events\.yaml:6:14: not valid AsyncAPI 2\.6\.0: .*bogus/);
    assert.equal(await run(), first);
    assert.equal(parserRuns(), runs);
  });

  it("3.1 documents are read, validated and compared like 3.0", async () => {
    const v31 = doc3().replace("asyncapi: 3.0.0", "asyncapi: 3.1.0");
    assert.deepEqual(await violations(snapshot({ "events.yaml": v31 })), []);
    const broken = v31.replace("    action: send\n", "    action: send\n    bogus: 1\n");
    assert.deepEqual(await violations(snapshot({ "events.yaml": broken })), ['events.yaml:12:12: not valid AsyncAPI 3.1.0: #/operations/sendPaid/bogus: Property "bogus" is not expected to be here']);
    const { changes } = await checkAsyncApi(snapshot({ "events.yaml": doc3() }, "old"), snapshot({ "events.yaml": v31.replace("maxLength: 20", "maxLength: 10") }), TODAY);
    assert.deepEqual(changes.map((c) => c.rule), ["message-payload-max-length-decreased"]);
  });

  it("an unsupported version stops before the parser", async () => {
    const runs = parserRuns();
    await assert.rejects(checkAsyncApi(snapshot({}, "old"), snapshot({ "events.yaml": doc3().replace("3.0.0", "4.0.0") }), TODAY), /new\/events\.yaml:1:11: unsupported AsyncAPI version "4\.0\.0"/);
    assert.equal(parserRuns(), runs);
  });

  it("$refs into neighbouring files are read from the snapshot", async () => {
    const text = doc3().replace("        $ref: '#/components/messages/OrderPaid'", "        $ref: './messages.yaml#/OrderPaid'");
    const files = { "events.yaml": text, "messages.yaml": "OrderPaid:\n  payload: { type: object }\n" };
    const { contracts } = await checkAsyncApi(snapshot(files, "old"), snapshot(files), TODAY);
    assert.deepEqual(contracts.map((c) => [c.id, c.change]), [["events.yaml", "unchanged"]]);
  });
});

describe("contracts", () => {
  it("are data contracts, identified by id, unstable by x-stability-level", async () => {
    const withId = doc3().replace("info: { title: t, version: \"1\" }", "id: urn:shop:orders\ninfo: { title: t, version: \"1\", x-stability-level: beta }");
    const { contracts, changes } = await checkAsyncApi(snapshot({ "a.yaml": doc3() }, "old"), snapshot({ "moved/b.yaml": withId, "other.yaml": doc2() }), TODAY);
    assert.deepEqual(contracts.map((c) => [c.id, c.kind, c.api, c.unstable, c.change]), [
      ["a.yaml", "asyncapi", false, false, "removed"],
      ["other.yaml", "asyncapi", false, false, "added"],
      ["urn:shop:orders", "asyncapi", false, true, "added"],
    ]);
    assert.deepEqual(changes.map((c) => [c.rule, c.backward, c.forward]), [
      ["contract-removed", "compatible", "breaking"],
      ["contract-added", "compatible", "compatible"],
      ["contract-added", "compatible", "compatible"],
    ]);
  });
});
