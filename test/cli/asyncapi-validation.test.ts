import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, tempTree } from "../helpers/cli.js";

/**
 * AsyncAPI documents are checked against @asyncapi/specs' schema by an ajv validator shipped with
 * charter for the current versions (2.6, 3.0, 3.1), else compiled once per machine into charter's
 * cache (ARCHITECTURE.md, "The contract model"): the same violation, at the same place, whether
 * the cache is empty or not, and the shipped or cached validator is what runs.
 */

// The CLI inherits this: a cache of this test's own, empty at first.
const CACHE = mkdtempSync(join(tmpdir(), "charter-asyncapi-validation-"));
process.env.CHARTER_CACHE_DIR = CACHE;

const doc = (extra = "") => `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
channels:
  paid:
    address: order.paid.v1
    messages:
      paid: { payload: { type: object } }
operations:
  sendPaid:
    action: send
    channel: { $ref: '#/channels/paid' }
${extra}`;

interface JsonReport {
  findings: { rule: string; severity: string; message: string; location: { file: string; line: number; column: number } }[];
}

/** The asyncapi-schema findings of a run, as a user reads them. */
const shown = (stdout: string) => (JSON.parse(stdout) as JsonReport).findings
  .filter((f) => f.rule === "asyncapi-schema")
  .map((f) => `${f.severity} ${f.location.file}:${f.location.line}:${f.location.column}: ${f.message}`);

/** A version charter does not ship a validator for. */
const doc25 = (title = "Orders", extra = "") => `asyncapi: 2.5.0
info: { title: ${title}, version: 1.0.0 }
channels:
  order.paid.v1:
    publish:
      message: { payload: { type: object } }
${extra}`;

const validatorFiles = (version = "2.5.0") => {
  try {
    return readdirSync(join(CACHE, "validators")).filter((name) => name.startsWith(`asyncapi-${version}-`));
  } catch {
    return [];
  }
};

describe("AsyncAPI validation with a shipped validator", () => {
  it("reports a violation at file:line:col on an empty cache, and compiles nothing into it", () => {
    const dir = tempTree({ "reg/events.asyncapi.yaml": doc("    bogus: 1\n") });
    const lint = charter(["lint", "reg", "--format", "json"], dir);
    assert.equal(lint.status, 1, lint.stderr);
    assert.deepEqual(shown(lint.stdout), ['error reg/events.asyncapi.yaml:12:5: not valid AsyncAPI 3.0.0: #/operations/sendPaid unexpected key "bogus"']);
    assert.deepEqual(validatorFiles("3.0.0"), []);
  });
});

describe("AsyncAPI validation with a per-machine validator", () => {
  const dir = tempTree({ "reg/events.asyncapi.yaml": doc25("Orders", "      bogus: 1\n") });
  const expected = 'reg/events.asyncapi.yaml:7:7: not valid AsyncAPI 2.5.0: #/channels/order.paid.v1/publish unexpected key "bogus"';

  it("a schema violation is reported at file:line:col on a cold cache and on a warm one", () => {
    assert.deepEqual(validatorFiles(), [], "the cache starts empty");
    for (const cache of ["cold", "warm"]) {
      const lint = charter(["lint", "reg", "--format", "json"], dir);
      assert.equal(lint.status, 1, `${cache} lint: ${lint.stderr}`);
      assert.deepEqual(shown(lint.stdout), [`error ${expected}`], `${cache} lint`);
      const breaking = charter(["breaking", "reg", "--against", "reg", "--format", "json"], dir);
      assert.equal(breaking.status, 0, `${cache} breaking: ${breaking.stderr}`);
      assert.deepEqual(shown(breaking.stdout), [`warning ${expected}`], `${cache} breaking`);
      assert.equal(validatorFiles().length, 1, `${cache}: one compiled validator for AsyncAPI 2.5.0`);
    }
  });

  it("a document never validated on this machine runs the cached validator, not a fresh compilation", () => {
    assert.equal(validatorFiles().length, 1, "the first test compiled it");
    // A stand-in that rejects everything: only a run that loads the cached file can report its words.
    writeFileSync(join(CACHE, "validators", validatorFiles()[0]), `"use strict";
module.exports = function validate() {
  validate.errors = [{ instancePath: "/info", schemaPath: "#", keyword: "stand-in", params: {}, message: "rejected by the cached validator" }];
  return false;
};
module.exports.default = module.exports;
`);
    const fresh = tempTree({ "reg/events.asyncapi.yaml": doc25("Payments") });
    const run = charter(["breaking", "reg", "--against", "reg", "--format", "json"], fresh);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(shown(run.stdout), ["warning reg/events.asyncapi.yaml:2:9: not valid AsyncAPI 2.5.0: #/info rejected by the cached validator"]);
  });
});
