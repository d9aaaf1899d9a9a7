import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, doc2, doc3, lineOf, PAYLOAD } from "./helpers.js";

/**
 * Traits are applied before anything reads a message or an operation: what a trait gives is
 * compared as if the message or operation said it, and findings point into the trait.
 */

type Version = "2.6" | "3.0";
const VERSIONS = { "2.6": doc2, "3.0": doc3 } as const;

/** The message `OrderPaid` taking the trait `Tenant`, whose headers are `headers` (YAML under `headers:`). */
const withTrait = (version: Version, headers: string, own = "") => {
  const message = `      traits:\n        - $ref: '#/components/messageTraits/Tenant'\n${own}${PAYLOAD}`;
  return `${VERSIONS[version]({ message })}  messageTraits:\n    Tenant:\n      headers:\n        type: object\n${headers}`;
};

const TENANT = "        properties:\n          tenant: { type: string }\n";
const TENANT_AND_REGION = "        required: [region]\n        properties:\n          tenant: { type: string }\n          region: { type: string }\n";
const OWN_HEADERS = "      headers:\n        type: object\n        properties:\n          tenant: { type: string }\n";

interface Row {
  name: string;
  before: (version: Version) => string;
  after: (version: Version) => string;
  rule: string;
  backward: string;
  forward: string;
  /** The line the finding points at in the new version, or (`before`) the line it came from in the old. */
  line: { after: string | RegExp } | { before: string | RegExp };
}

const rows: Row[] = [
  {
    name: "a required header added through a trait: new readers refuse old events",
    before: (v) => withTrait(v, TENANT), after: (v) => withTrait(v, TENANT_AND_REGION),
    rule: "message-header-property-added", backward: "breaking", forward: "compatible", line: { after: "region:" },
  },
  {
    name: "the same required header dropped from the trait: old readers refuse new events",
    before: (v) => withTrait(v, TENANT_AND_REGION), after: (v) => withTrait(v, TENANT),
    rule: "message-header-property-removed", backward: "compatible", forward: "breaking", line: { before: "region:" },
  },
  {
    name: "a trait with headers taken by a message that had none",
    before: (v) => VERSIONS[v](), after: (v) => withTrait(v, TENANT),
    rule: "message-headers-schema-added", backward: "conditional", forward: "compatible", line: { after: "      headers:" },
  },
  {
    name: "the trait given up: its headers go with it",
    before: (v) => withTrait(v, TENANT), after: (v) => VERSIONS[v](),
    rule: "message-headers-schema-removed", backward: "compatible", forward: "conditional", line: { before: "      headers:" },
  },
];

describe("message traits: rule, verdicts per direction, location, in 2.6 and 3.0", () => {
  for (const version of ["2.6", "3.0"] as const) {
    for (const row of rows) {
      it(`${version}: ${row.name}`, () => {
        const [before, after] = [row.before(version), row.after(version)];
        const found = compare(before, after).filter((c) => c.rule === row.rule);
        assert.equal(found.length, 1, `expected one ${row.rule}, got ${JSON.stringify(compare(before, after).map((c) => c.rule))}`);
        const [change] = found;
        assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: row.backward, forward: row.forward });
        if ("after" in row.line) assert.equal(change.location?.line, lineOf(after, row.line.after));
        else assert.equal(change.before?.line, lineOf(before, row.line.before));
      });
    }
  }
});

describe("which side wins, as @asyncapi/parser applies traits", () => {
  // The message declares headers of its own and takes the trait; only the trait changes.
  const change = (version: Version) => compare(withTrait(version, TENANT, OWN_HEADERS), withTrait(version, TENANT_AND_REGION, OWN_HEADERS)).map((c) => c.rule);
  it("2.x: the trait overrides the message, so its new required header is reported", () => {
    assert.deepEqual(change("2.6"), ["message-header-property-added"]);
  });
  it("3.x: the message overrides its traits, so the trait's change is not what readers see", () => {
    assert.deepEqual(change("3.0"), []);
  });
});

describe("operation traits", () => {
  it("2.x: an operationId given by a trait is the operation's id", () => {
    const traited = doc2().replace("      operationId: sendPaid\n", "      traits:\n        - $ref: '#/components/operationTraits/Named'\n") +
      "  operationTraits:\n    Named:\n      operationId: sendPaid\n";
    assert.deepEqual(compare(doc2(), traited), []);
    assert.deepEqual(compare(doc2(), traited.replace("operationId: sendPaid", "operationId: sendPaidV2")).map((c) => c.message), ['Operation "sendPaid" was renamed "sendPaidV2"; code generated from the contract names its methods after the id.']);
  });
  it("3.x: a dead-letter channel given by a trait is the operation's", () => {
    const traited = (channel: string) =>
      doc3({ action: "receive" }).replace("    action: receive\n", "    action: receive\n    traits:\n      - $ref: '#/components/operationTraits/Dlq'\n") +
      `  operationTraits:\n    Dlq:\n      x-charter-dead-letter: ${channel}\n`;
    const [before, after] = [traited("order.paid.v1.failed"), traited("order.paid.v1.dlq")];
    const found = compare(before, after);
    assert.deepEqual(found.map((c) => c.rule), ["operation-dead-letter-changed"]);
    assert.equal(found[0].location?.line, lineOf(after, "x-charter-dead-letter"));
  });
});
