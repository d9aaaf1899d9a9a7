import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkAsyncApi } from "../../../src/compat/asyncapi/check.js";
import { parserRuns } from "../../../src/contracts/asyncapi/parser.js";
import { loadRegistry, type LoadOptions } from "../../../src/contracts/load-registry.js";
import type { Snapshot } from "../../../src/registry/snapshot.js";
import { doc2, doc3 } from "./helpers.js";

// A cache of this test's own, so the first validation really validates.
process.env.CHARTER_CACHE_DIR = mkdtempSync(join(tmpdir(), "charter-asyncapi-cache-"));

const snapshot = (files: Record<string, string>, label = "new"): Snapshot => ({ label, files: new Map(Object.entries(files)), base: label });
const TODAY = { today: new Date("2025-06-01T00:00:00Z") };
const violations = async (input: Snapshot, options: LoadOptions = {}) =>
  (await loadRegistry(input, options)).documents.flatMap((c) => c.violations.map((v) => `${v.location.file}:${v.location.line}:${v.location.column}: ${v.message}`));

describe("validation against the official schema (@asyncapi/specs)", () => {
  it("a schema violation becomes the document's violation at file:line:col, and the document is still compared", async () => {
    const broken = doc3().replace("    action: send\n", "    action: send\n    bogus: 1\n");
    const input = snapshot({ "events.yaml": broken });
    const { contracts } = await checkAsyncApi(snapshot({ "events.yaml": doc3() }, "old"), input, TODAY);
    assert.deepEqual(contracts.map((c) => c.change), ["modified"]);
    assert.deepEqual(await violations(input), ['events.yaml:12:5: not valid AsyncAPI 3.0.0: #/operations/sendPaid unexpected key "bogus"']);
  });

  it("an invalid document's error is cached, and the parser is not loaded for it", async () => {
    const broken = doc2().replace("      operationId:", "      bogus: 1\n      operationId:");
    const runs = parserRuns();
    const run = async () => (await violations(snapshot({ "events.yaml": broken }), { parserRules: true })).join("\n");
    const first = await run();
    assert.equal(first, 'events.yaml:6:7: not valid AsyncAPI 2.6.0: #/channels/order.paid.v1/subscribe unexpected key "bogus"');
    assert.equal(await run(), first);
    assert.equal(parserRuns(), runs);
  });

  it("a wrong value is reported where it is written, with what the schema expects", async () => {
    const broken = doc3().replace("action: send", "action: emit");
    assert.deepEqual(await violations(snapshot({ "events.yaml": broken })), ["events.yaml:11:13: not valid AsyncAPI 3.0.0: #/operations/sendPaid/action must be equal to one of the allowed values"]);
  });

  it("3.1 documents are read, validated and compared like 3.0", async () => {
    const v31 = doc3().replace("asyncapi: 3.0.0", "asyncapi: 3.1.0");
    assert.deepEqual(await violations(snapshot({ "events.yaml": v31 })), []);
    const broken = v31.replace("    action: send\n", "    action: send\n    bogus: 1\n");
    assert.deepEqual(await violations(snapshot({ "events.yaml": broken })), ['events.yaml:12:5: not valid AsyncAPI 3.1.0: #/operations/sendPaid unexpected key "bogus"']);
    const { changes } = await checkAsyncApi(snapshot({ "events.yaml": doc3() }, "old"), snapshot({ "events.yaml": v31.replace("maxLength: 20", "maxLength: 10") }), TODAY);
    assert.deepEqual(changes.map((c) => c.rule), ["message-payload-max-length-decreased"]);
  });

  it("an unsupported version stops before validation", async () => {
    const runs = parserRuns();
    await assert.rejects(checkAsyncApi(snapshot({}, "old"), snapshot({ "events.yaml": doc3().replace("3.0.0", "4.0.0") }), TODAY), /new\/events\.yaml:1:11: unsupported AsyncAPI version "4\.0\.0"/);
    assert.equal(parserRuns(), runs);
  });

  it("$refs into neighbouring files are read from the snapshot, and what they lead to is checked where it is written", async () => {
    const text = doc3().replace("        $ref: '#/components/messages/OrderPaid'", "        $ref: './messages.yaml#/OrderPaid'");
    const files = { "events.yaml": text, "messages.yaml": "OrderPaid:\n  payload: { type: object }\n" };
    const { contracts } = await checkAsyncApi(snapshot(files, "old"), snapshot(files), TODAY);
    assert.deepEqual(contracts.map((c) => [c.id, c.change]), [["events.yaml", "unchanged"]]);
    assert.deepEqual(await violations(snapshot(files)), []);
    const broken = { ...files, "messages.yaml": "OrderPaid:\n  payload: { type: object }\n  contentType: 7\n" };
    assert.deepEqual(await violations(snapshot(broken)), ["messages.yaml:3:16: not valid AsyncAPI 3.0.0: #/channels/paid/messages/OrderPaid/contentType must be string"]);
  });

  it("an operation's channel in another file is a reference the schema accepts once followed", async () => {
    const text = doc3().replace("channel: { $ref: '#/channels/paid' }", "channel: { $ref: './channels.yaml#/paid' }");
    const files = { "events.yaml": text, "channels.yaml": "paid:\n  address: order.paid.v1\n" };
    assert.deepEqual(await violations(snapshot(files)), []);
    const broken = { ...files, "channels.yaml": "paid:\n  address: order.paid.v1\n  bogus: 1\n" };
    assert.deepEqual(await violations(snapshot(broken)), ['channels.yaml:3:3: not valid AsyncAPI 3.0.0: #/operations/sendPaid/channel unexpected key "bogus"']);
  });
});

describe("@asyncapi/parser's rules beyond the schema (lint)", () => {
  // The schema accepts an operation whose message is not on its channel; the parser's rule does not.
  const stray = doc3().replace("    channel: { $ref: '#/channels/paid' }\n", "    channel: { $ref: '#/channels/paid' }\n    messages:\n      - $ref: '#/components/messages/OrderRefunded'\n");

  it("run only when asked (lint), at file:line:col", async () => {
    assert.deepEqual(await violations(snapshot({ "events.yaml": stray })), []);
    const [violation] = await violations(snapshot({ "events.yaml": stray }), { parserRules: true });
    assert.match(violation, /^events\.yaml:14:9: not valid AsyncAPI 3\.0\.0: #\/operations\/sendPaid\/messages\/0: /);
  });

  it("a document already checked on this machine never reaches the parser again", async () => {
    const text = doc2().replace('version: "1"', 'version: "cache-test"');
    const files = { "events.yaml": text };
    await violations(snapshot(files), { parserRules: true });
    const after = parserRuns();
    assert.deepEqual(await violations(snapshot(files), { parserRules: true }), []);
    assert.equal(parserRuns(), after);
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
