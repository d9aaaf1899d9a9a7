import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, doc2, doc3, lineOf, PAYLOAD } from "./helpers.js";

/** The message OrderPaid declared a CloudEvent with the given attributes (YAML flow-map entries). */
const event = (attributes: string) => `      x-cloudevents: { ${attributes} }\n${PAYLOAD}`;
const V1 = "type: com.shop.order.paid.v1, source: /shop/orders";

interface Row {
  name: string;
  before: string;
  after: string;
  rule: string;
  backward: string;
  forward: string;
  line: string | RegExp;
  /** Part of the message the finding must carry. */
  says?: RegExp;
}

const rows: Row[] = [
  {
    name: "a changed type is breaking and asks for a new .v2 type beside the old",
    before: event(V1), after: event("type: com.shop.order.captured.v1, source: /shop/orders"),
    rule: "cloudevents-type-changed", backward: "breaking", forward: "breaking", line: "x-cloudevents:",
    says: /keep publishing "com\.shop\.order\.paid\.v1" and publish a new "com\.shop\.order\.paid\.v2" type beside it/,
  },
  {
    name: "a changed source",
    before: event(V1), after: event("type: com.shop.order.paid.v1, source: /shop/payments"),
    rule: "cloudevents-source-changed", backward: "breaking", forward: "breaking", line: "x-cloudevents:",
  },
  {
    name: "a missing type",
    before: event(V1), after: event("source: /shop/orders"),
    rule: "cloudevents-attribute-missing", backward: "breaking", forward: "breaking", line: "x-cloudevents:",
  },
  {
    name: "an unversioned type",
    before: event(V1), after: event("type: com.shop.order.paid, source: /shop/orders"),
    rule: "cloudevents-type-unversioned", backward: "compatible", forward: "conditional", line: "x-cloudevents:",
  },
  {
    name: "an extension name that breaks CloudEvents 1.0 (the SDK refuses it)",
    before: event(V1), after: event(`${V1}, partition_key: p`),
    rule: "cloudevents-attribute-invalid", backward: "breaking", forward: "breaking", line: "x-cloudevents:", says: /partition_key/,
  },
  {
    name: "an extension name longer than recommended",
    before: event(V1), after: event(`${V1}, averyveryverylongextensionname: x`),
    rule: "cloudevents-attribute-name-too-long", backward: "compatible", forward: "conditional", line: "x-cloudevents:",
  },
  {
    name: "an extension removed: old readers used it",
    before: event(`${V1}, tenant: shop`), after: event(V1),
    rule: "cloudevents-extension-removed", backward: "conditional", forward: "breaking", line: "x-cloudevents:",
  },
  {
    name: "a message that stopped being a CloudEvent",
    before: event(V1), after: PAYLOAD,
    rule: "cloudevents-declaration-removed", backward: "compatible", forward: "breaking", line: /^    OrderPaid:/,
  },
  {
    name: "the data (payload) goes through the schema engine",
    before: event(V1), after: event(V1).replace("maxLength: 20", "maxLength: 10"),
    rule: "message-payload-max-length-decreased", backward: "breaking", forward: "compatible", line: "orderId:",
  },
];

describe("CloudEvents checks, in AsyncAPI 2.6 and 3.0", () => {
  for (const [version, doc] of Object.entries({ "2.6": doc2, "3.0": doc3 })) {
    for (const row of rows) {
      it(`${version}: ${row.name}`, () => {
        const [before, after] = [doc({ message: row.before }), doc({ message: row.after })];
        const found = compare(before, after).filter((c) => c.rule === row.rule);
        assert.equal(found.length, 1, `expected one ${row.rule}, got ${found.length}`);
        const [change] = found;
        assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: row.backward, forward: row.forward });
        assert.equal(change.location?.line, lineOf(after, row.line));
        if (row.says) assert.match(change.message, row.says);
      });
    }
  }
  it("a problem the old version already had is not reported again", () => {
    const unversioned = event("type: com.shop.order.paid, source: /shop/orders");
    assert.deepEqual(compare(doc3({ message: unversioned }), doc3({ message: unversioned })), []);
  });
  it("a new message's declaration is checked", () => {
    const before = doc3();
    const after = doc3({ second: true }).replace("\n    OrderRefunded:\n", "\n    OrderRefunded:\n      x-cloudevents: { source: /shop/orders }\n");
    assert.deepEqual(compare(before, after).map((c) => c.rule).sort(), ["cloudevents-attribute-missing", "message-added"]);
  });
});
