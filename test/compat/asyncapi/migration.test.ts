import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter } from "../../helpers/cli.js";
import { corpus } from "../../helpers/corpus.js";
import { compare, doc2, doc3, PAYLOAD } from "./helpers.js";

/**
 * Identity that survives a 2.x → 3.x migration: operations whose ids differ are matched by
 * channel and action (their messages deciding between several), messages whose keys differ by
 * messageId or name, then by the same payload.
 */

const found = corpus("real-world/asyncapi-spec");

describe("the specification's own examples migrated from 2.6.0 to 3.0.0", { skip: found.skip }, () => {
  const examples = (version: string) => join(found.dir!, version, "examples");
  const pairs = found.dir
    ? readdirSync(examples("v2.6.0")).filter((name) => name.endsWith(".yml")).map((name) => [name, name.replace(/\.yml$/, "-asyncapi.yml")] as const)
    : [];

  for (const [before, after] of pairs) {
    it(`${before}: nothing breaking, nothing conditional, nothing removed`, () => {
      const changes = compare(readFileSync(join(examples("v2.6.0"), before), "utf8"), readFileSync(join(examples("v3.0.0"), after), "utf8"));
      const worth = changes.filter((c) => c.backward !== "compatible" || c.forward !== "compatible" || /-(removed|added)$/.test(c.rule) && !/property-added$/.test(c.rule));
      assert.deepEqual(worth.map((c) => `${c.rule}: ${c.message}`), []);
    });
  }

  it("ran over every example with a 3.0.0 counterpart", () => {
    assert.ok(pairs.length >= 15, `only ${pairs.length} pairs`);
    for (const [, after] of pairs) assert.ok(readdirSync(examples("v3.0.0")).includes(after), after);
  });

  it("social-media, five documents sharing common/ files, through the CLI: passed, nothing to report", () => {
    const run = charter(["breaking", join(examples("v3.0.0"), "social-media"), "--against", join(examples("v2.6.0"), "social-media"), "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { contracts: unknown[]; findings: unknown[] };
    assert.equal(report.contracts.length, 5);
    assert.deepEqual(report.findings, []);
  });
});

/** A 3.0 document with the channel `paid` carrying messages keyed as given, and operations as given. */
const doc3With = (messages: string, operations: string) => `asyncapi: 3.0.0
info: { title: t, version: "1" }
channels:
  paid:
    address: order.paid.v1
    messages:
${messages}operations:
${operations}components:
  messages:
    OrderPaid:
      name: OrderPaid
${PAYLOAD}
    OrderRefunded:
      name: OrderRefunded
      payload: { type: object, required: [refundId], properties: { refundId: { type: string } } }
`;

const SEND_BOTH = "  sendPaid:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n    messages: [{ $ref: '#/channels/paid/messages/paid' }]\n" +
  "  sendRefunded:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n    messages: [{ $ref: '#/channels/paid/messages/refunded' }]\n";
const KEYED = "      paid: { $ref: '#/components/messages/OrderPaid' }\n      refunded: { $ref: '#/components/messages/OrderRefunded' }\n";

interface Row {
  name: string;
  before: string;
  after: string;
  /** The rules found, in order. */
  rules: string[];
}

const rows: Row[] = [
  {
    name: "2.x operation without an operationId → the 3.0 name: the made-up id was nobody's, so nothing",
    before: doc2().replace("      operationId: sendPaid\n", ""), after: doc3(),
    rules: [],
  },
  {
    name: "... and back",
    before: doc3(), after: doc2().replace("      operationId: sendPaid\n", ""),
    rules: ["operation-id-changed"],
  },
  {
    name: "an operation renamed, same channel and action: a rename",
    before: doc3(), after: doc3({ operationId: "publishPaid" }),
    rules: ["operation-id-changed"],
  },
  {
    name: "an operation renamed with another action: no match, removed and added",
    before: doc3(), after: doc3({ operationId: "onPaid", action: "receive" }),
    rules: ["operation-removed", "operation-added"],
  },
  {
    name: "two sends on one channel, both renamed: their messages tell them apart",
    before: doc3With(KEYED, SEND_BOTH), after: doc3With(KEYED, SEND_BOTH.replace("sendPaid:", "publishPaid:").replace("sendRefunded:", "publishRefunded:")),
    rules: ["operation-id-changed", "operation-id-changed"],
  },
  {
    name: "a message re-keyed under its channel, same name: the same message",
    before: doc3With(KEYED, SEND_BOTH), after: doc3With(KEYED.replace("paid:", "orderPaid:"), SEND_BOTH.replace("messages/paid'", "messages/orderPaid'")),
    rules: [],
  },
  {
    name: "a message re-keyed and renamed, same payload: the same message",
    before: doc3With("      paid:\n" + PAYLOAD.replace(/^/gm, "  ") + "\n", "  sendPaid:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n"),
    after: doc3With("      orderPaid:\n        name: Paid\n" + PAYLOAD.replace(/^/gm, "  ") + "\n", "  sendPaid:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n"),
    rules: [],
  },
  {
    name: "a message re-keyed with another payload: removed and added",
    before: doc3With("      paid:\n" + PAYLOAD.replace(/^/gm, "  ") + "\n", "  sendPaid:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n"),
    after: doc3With("      orderPaid:\n" + PAYLOAD.replace("maxLength: 20", "maxLength: 10").replace(/^/gm, "  ") + "\n", "  sendPaid:\n    action: send\n    channel: { $ref: '#/channels/paid' }\n"),
    rules: ["message-removed", "message-added"],
  },
  {
    name: "a 2.x messageId that is the 3.0 name under another key, payload narrowed: matched, the change is reported on it",
    before: doc2({ message: "      messageId: orderPaid\n" + PAYLOAD }), after: doc3({ message: "      name: orderPaid\n" + PAYLOAD.replace("maxLength: 20", "maxLength: 10") }),
    rules: ["message-payload-max-length-decreased"],
  },
];

describe("identity across a migration, in both directions", () => {
  for (const row of rows) {
    it(row.name, () => {
      assert.deepEqual(compare(row.before, row.after).map((c) => c.rule), row.rules);
    });
  }
});
