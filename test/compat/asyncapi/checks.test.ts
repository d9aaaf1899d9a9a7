import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, doc2, doc3, lineOf, PAYLOAD, type Shape } from "./helpers.js";

interface Row {
  name: string;
  before: Shape;
  after: Shape;
  rule: string;
  backward: string;
  forward: string;
  /** A piece of the line (in the new version, else the old) the finding must point at, or one per version. */
  line: string | Record<Version, string>;
  /** Versions the row applies to (both by default). */
  only?: Version;
}

type Version = "2.6" | "3.0";

const withPayload = (from: string, to: string) => PAYLOAD.replace(from, to);

const rows: Row[] = [
  {
    name: "a payload property's type changed: neither side reads the other's data",
    before: {}, after: { message: withPayload("amount: { type: integer }", "amount: { type: string }") },
    rule: "message-payload-type-changed", backward: "breaking", forward: "breaking", line: "amount:",
  },
  {
    name: "a new required payload property: new readers refuse old data",
    before: {}, after: { message: PAYLOAD.replace("required: [orderId]", "required: [orderId, currency]") + "\n          currency: { type: string }" },
    rule: "message-payload-property-added", backward: "breaking", forward: "compatible", line: "currency:",
  },
  {
    name: "a new optional payload property is compatible",
    before: {}, after: { message: PAYLOAD + "\n          currency: { type: string }" },
    rule: "message-payload-property-added", backward: "compatible", forward: "compatible", line: "currency:",
  },
  {
    name: "a shorter maxLength: old data may be too long for new readers",
    before: {}, after: { message: withPayload("maxLength: 20", "maxLength: 10") },
    rule: "message-payload-max-length-decreased", backward: "breaking", forward: "compatible", line: "orderId:",
  },
  {
    name: "an enum value added: old readers meet a value they do not know",
    before: { message: PAYLOAD + "\n          method: { type: string, enum: [card] }" },
    after: { message: PAYLOAD + "\n          method: { type: string, enum: [card, paypal] }" },
    rule: "message-payload-enum-value-added", backward: "compatible", forward: "breaking", line: "method:",
  },
  {
    name: "an enum value added where readers have a fallback is conditional",
    before: { message: PAYLOAD + "\n          method: { type: string, enum: [card], x-extensible-enum: true }" },
    after: { message: PAYLOAD + "\n          method: { type: string, enum: [card, paypal], x-extensible-enum: true }" },
    rule: "message-payload-enum-value-added", backward: "compatible", forward: "conditional", line: "method:",
  },
  {
    name: "a header's type changed",
    before: { message: PAYLOAD + "\n      headers:\n        type: object\n        properties:\n          tenant: { type: string }" },
    after: { message: PAYLOAD + "\n      headers:\n        type: object\n        properties:\n          tenant: { type: integer }" },
    rule: "message-header-type-changed", backward: "breaking", forward: "breaking", line: "tenant:",
  },
  {
    name: "a changed content type",
    before: { message: "      contentType: application/json\n" + PAYLOAD },
    after: { message: "      contentType: application/avro\n" + PAYLOAD },
    rule: "message-content-type-changed", backward: "breaking", forward: "breaking", line: "contentType:",
  },
  {
    name: "a moved correlation id",
    before: { message: "      correlationId: { location: $message.payload#/orderId }\n" + PAYLOAD },
    after: { message: "      correlationId: { location: $message.header#/requestId }\n" + PAYLOAD },
    rule: "message-correlation-id-changed", backward: "breaking", forward: "breaking", line: "correlationId:",
  },
  {
    name: "a changed Kafka key",
    before: { message: "      bindings:\n        kafka:\n          key: { type: string }\n" + PAYLOAD },
    after: { message: "      bindings:\n        kafka:\n          key: { type: integer }\n" + PAYLOAD },
    rule: "message-binding-key-changed", backward: "breaking", forward: "breaking", line: "key:",
  },
  {
    name: "a message removed: old consumers lose it",
    before: { second: true }, after: {},
    rule: "message-removed", backward: "conditional", forward: "breaking", line: { "2.6": "order.paid.v1:", "3.0": "  paid:" },
  },
  {
    name: "a message added: old consumers must skip what they do not know",
    before: {}, after: { second: true },
    rule: "message-added", backward: "compatible", forward: "conditional", line: { "2.6": "messages/OrderRefunded'", "3.0": "OrderRefunded:" },
  },
  {
    name: "a channel moved to another address (3.0: same id)",
    before: {}, after: { address: "order.paid.v2" },
    rule: "channel-address-changed", backward: "breaking", forward: "breaking", line: "address:", only: "3.0",
  },
  {
    name: "a channel moved to another address (2.6: keyed by address, so removed)",
    before: {}, after: { address: "order.paid.v2" },
    rule: "channel-removed", backward: "conditional", forward: "breaking", line: "channels:", only: "2.6",
  },
  {
    name: "an operation renamed on the same channel and action: peers still meet, generated method names change",
    before: {}, after: { operationId: "sendPaidV2" },
    rule: "operation-id-changed", backward: "conditional", forward: "conditional", line: "sendPaidV2:", only: "3.0",
  },
  {
    name: "an operation's action changed",
    before: {}, after: { action: "receive" },
    rule: "operation-action-changed", backward: "breaking", forward: "breaking", line: { "2.6": "publish:", "3.0": "action:" },
  },
];

const VERSIONS = { "2.6": doc2, "3.0": doc3 } as const;

describe("AsyncAPI checks: rule, verdicts per direction, location, in 2.6 and 3.0", () => {
  for (const [version, doc] of Object.entries(VERSIONS)) {
    for (const row of rows) {
      if (row.only && row.only !== version) continue;
      it(`${version}: ${row.name}`, () => {
        const [before, after] = [doc(row.before), doc(row.after)];
        const found = compare(before, after).filter((c) => c.rule === row.rule);
        assert.equal(found.length, 1, `expected one ${row.rule}, got ${found.length}`);
        const [change] = found;
        assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: row.backward, forward: row.forward });
        const needle = typeof row.line === "string" ? row.line : row.line[version as Version];
        assert.equal(change.location?.line, lineOf(after.includes(needle) ? after : before, needle));
        assert.equal(change.kind, "asyncapi");
      });
    }
  }
});

describe("messages are data contracts whatever the operation's action", () => {
  for (const [version, doc] of Object.entries(VERSIONS)) {
    it(`${version}: a narrowed payload reads the same for send and receive`, () => {
      const verdicts = (["send", "receive"] as const).map((action) => {
        const [change] = compare(doc({ action }), doc({ action, message: withPayload("maxLength: 20", "maxLength: 10") }));
        return [change.backward, change.forward];
      });
      assert.deepEqual(verdicts, [["breaking", "compatible"], ["breaking", "compatible"]]);
    });
  }
});

describe("refactors report nothing", () => {
  it("a 3.0 channel renamed at the same address, a message inlined", () => {
    const inline = doc3().replace("  paid:\n", "  orderPaid:\n").replace("'#/channels/paid'", "'#/channels/orderPaid'")
      .replace("        $ref: '#/components/messages/OrderPaid'\n", PAYLOAD.replace(/^/gm, "  ") + "\n");
    assert.deepEqual(compare(doc3(), inline), []);
  });
  it("a 2.6 document migrated to 3.0 with the same channels, operations and messages", () => {
    assert.deepEqual(compare(doc2(), doc3()), []);
  });
});

describe("elements are semantic keys", () => {
  it("name channel address, message and schema path", () => {
    const [change] = compare(doc3(), doc3({ message: withPayload("maxLength: 20", "maxLength: 10") }));
    assert.equal(change.element, "order.paid.v1 OrderPaid payload #/orderId");
  });
});
