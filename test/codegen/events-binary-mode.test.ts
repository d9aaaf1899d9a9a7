/**
 * The generated runtime's CloudEvents binary mode (templates/codegen/charter-runtime/events/binary-mode.ts)
 * against the cloudevents SDK as the oracle: it must send what HTTP.binary sends (header names,
 * order and values, and the body) and make of received headers what the SDK makes of them (the
 * same event, or the same error), on a table of cases and on generated ones. Cases it hands back
 * to the SDK are counted, so the test fails if the fast path stops taking the common ones.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CloudEvent, HTTP, type Headers } from "cloudevents";
import { binaryEvent, binaryMessage } from "../../templates/codegen/charter-runtime/events/binary-mode.js";
import { rngFor, type Rng } from "../fuzz/prng.js";

type Attributes = Record<string, unknown>;

const BASE = { id: "e-1", type: "com.shop.order.paid.v1", source: "/shop/orders", time: "2026-11-22T10:00:00.000Z", specversion: "1.0" };
const ORDER = { orderId: "o-1", amount: 1250, note: "café – 東京 🚀" };

/** An outcome to compare: what came out, or the error, by class, message and the schema's errors. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    if (value instanceof CloudEvent) return { event: Object.entries(value), json: value.toString() };
    const message = value as { headers: Attributes; body: unknown };
    return { headers: Object.entries(message.headers), body: message.body instanceof Uint8Array ? ["bytes", Buffer.from(message.body).toString("hex")] : message.body };
  } catch (error) {
    const e = error as Error & { errors?: unknown };
    return { error: e.constructor.name, message: e.message, errors: JSON.stringify(e.errors) };
  }
}

/** The event the SDK makes of a binary-mode NATS message, as the transport asked it before binary-mode.ts. */
function sdkDecode(headers: Record<string, string>, data: unknown): CloudEvent<unknown> {
  const decoded = HTTP.toEvent({ headers: headers as Headers, body: undefined });
  if (!(decoded instanceof CloudEvent)) throw new Error("a batch");
  if (data !== undefined) return decoded.cloneWith({ data }, true);
  decoded.validate();
  return decoded;
}

/** Whether binary-mode.ts reads the message (to an event or an error) rather than handing it to the SDK. */
function takes(headers: Record<string, string>, data: unknown): boolean {
  try {
    return binaryEvent(headers, data) !== undefined;
  } catch {
    return true;
  }
}

/** Headers as a NATS message carries them: names in lower case, values as text. */
const asText = (headers: Attributes): Record<string, string> => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));

const SENT: [string, Attributes][] = [
  ["the generated producer's event", { ...BASE, datacontenttype: "application/json", partitionkey: "o-1", traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", data: ORDER }],
  ["no datacontenttype", { ...BASE, data: ORDER }],
  ["json with a charset", { ...BASE, datacontenttype: "application/json; charset=utf-8", data: ORDER }],
  ["a vendor json type", { ...BASE, datacontenttype: "application/vnd.shop+json", data: [1, "two", null] }],
  ["text", { ...BASE, datacontenttype: "text/plain", data: "grüße, 世界" }],
  ["xml as a string", { ...BASE, datacontenttype: "application/xml", data: "<order id=\"o-1\"/>" }],
  ["bytes (Buffer)", { ...BASE, datacontenttype: "application/octet-stream", data: Buffer.from([0, 1, 254, 255]) }],
  ["bytes (Uint32Array)", { ...BASE, datacontenttype: "application/octet-stream", data: new Uint32Array([1, 2, 3]) }],
  ["a number", { ...BASE, data: 42 }],
  ["a boolean", { ...BASE, data: false }],
  ["null", { ...BASE, data: null }],
  ["no data", { ...BASE }],
  ["subject and dataschema", { ...BASE, subject: "zürich/東京", dataschema: "https://shop.example/schemas/order-paid.json", data: ORDER }],
  ["extensions of every type", { ...BASE, text: "naïve", count: 7, flag: true, negative: -3, uri: "https://example.com/x?y=1", data: ORDER }],
  ["extensions of binary and timestamp type", { ...BASE, bytes: new Uint8Array([104, 105]), when: new Date("2026-11-22T10:00:00.000Z"), ref: "../relative#x", data: ORDER }],
  ["an extension named like a method", { ...BASE, constructor: "x", validate: "y", data: ORDER }],
  ["an empty extension", { ...BASE, empty: "", data: ORDER }],
  ["a time without milliseconds", { ...BASE, time: "2026-11-22T10:00:00Z", data: ORDER }],
  ["a time with an offset", { ...BASE, time: "2026-11-22T10:00:00.123+02:00", data: ORDER }],
  ["a leap day", { ...BASE, time: "2024-02-29T23:59:59.999Z", data: ORDER }],
  ["the last day of a month", { ...BASE, time: "2026-01-31T00:00:00.000Z", data: ORDER }],
  ["a time as a Date", { ...BASE, time: new Date("2026-11-22T10:00:00.000Z"), data: ORDER }],
  ["a time that is no time", { ...BASE, time: "yesterday", data: ORDER }],
  ["specversion 0.3", { ...BASE, specversion: "0.3", schemaurl: "https://example.com/s", data: ORDER }],
  ["no source (invalid, not strict)", { id: "e-1", type: "t", time: BASE.time, data: ORDER }],
  ["a line break in an attribute", { ...BASE, subject: "a\nb", data: ORDER }],
];

describe("binary mode, sending: byte for byte what HTTP.binary sends", () => {
  for (const [name, attributes] of SENT) {
    it(name, () => {
      const event = new CloudEvent<unknown>(attributes, false);
      assert.deepEqual(outcome(() => binaryMessage(event)), outcome(() => HTTP.binary(event)));
    });
  }

  it("generated events", () => {
    for (let i = 0; i < 2000; i += 1) {
      const attributes = randomAttributes(rngFor(18, i));
      const event = new CloudEvent<unknown>(attributes, false);
      assert.deepEqual(outcome(() => binaryMessage(event)), outcome(() => HTTP.binary(event)), `case ${i}: ${JSON.stringify(attributes)}`);
    }
  });
});

/** Each case: headers as received, and the data the transport read from the payload. */
const RECEIVED: [string, Record<string, string>, unknown][] = [
  // What can be sent (the SDK fails on an extension named `constructor`) in 1.0 with a time.
  ...SENT.filter(([, a]) => a.specversion === "1.0" && typeof a.time === "string" && a.time !== "yesterday" && !Object.hasOwn(a, "constructor")).map(([name, a]): [string, Record<string, string>, unknown] => {
    const { headers, body } = HTTP.binary(new CloudEvent<unknown>(a, false));
    return [name, asText(headers), body === undefined || body === null ? undefined : body];
  }),
  ["no type", asText({ "ce-id": "1", "ce-source": "/s", "ce-specversion": "1.0", "ce-time": BASE.time }), "{}"],
  ["an empty type", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "", "ce-specversion": "1.0", "ce-time": BASE.time }), "{}"],
  ["an empty source", asText({ "ce-id": "1", "ce-source": "", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time }), "{}"],
  ["a dataschema that is no URI", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "ce-dataschema": "not a uri" }), "{}"],
  ["an empty subject", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "ce-subject": "" }), "{}"],
  ["an empty content-type", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "content-type": "" }), "{}"],
  ["application headers besides", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "nats-msg-id": "x", "x-tenant": "acme" }), "{}"],
  ["no payload", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "content-type": "application/json" }), undefined],
  ["bytes", asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time, "content-type": "application/octet-stream" }), Buffer.from([1, 2, 3])],
];

describe("binary mode, receiving: the event (or the error) the SDK makes", () => {
  for (const [name, headers, data] of RECEIVED) {
    it(name, () => {
      assert.ok(takes(headers, data), "binary-mode.ts reads it");
      assert.deepEqual(outcome(() => binaryEvent(headers, data) ?? sdkDecode(headers, data)), outcome(() => sdkDecode(headers, data)));
    });
  }

  it("hands the SDK what only the SDK reads", () => {
    const good = asText({ "ce-id": "1", "ce-source": "/s", "ce-type": "t", "ce-specversion": "1.0", "ce-time": BASE.time });
    const handedOver: Record<string, string>[] = [
      { ...good, "ce-specversion": "0.3" },
      { ...good, "ce-time": "2026-11-22T10:00:00Z" },
      { ...good, "ce-time": "garbage" },
      { ...good, "ce-time": "2026-02-29T00:00:00.000Z" },
      { ...good, "ce-time": "2026-04-31T00:00:00.000Z" },
      { ...good, "ce-id": "" },
      { ...good, "ce-schemaurl": "https://example.com" },
      { ...good, "ce-datacontenttype": "text/plain" },
      { ...good, "ce-data": "x" },
      { ...good, "ce-foo-bar": "x" },
      { ...good, "ce-foo_bar": "x" },
      { ...good, "ce-validate": "x" },
      { ...good, "ce-constructor": "x" },
      { ...good, datacontenttype: "text/plain" },
      { ...good, "content-type": "application/cloudevents+json" },
    ];
    for (const headers of handedOver) assert.equal(binaryEvent(headers, "{}"), undefined, JSON.stringify(headers));
    delete (good as Record<string, string>)["ce-time"];
    assert.equal(binaryEvent(good, "{}"), undefined, "no time: the SDK makes one up");
  });

  it("generated messages", () => {
    let taken = 0;
    let refused = 0;
    for (let i = 0; i < 3000; i += 1) {
      const rng = rngFor(1818, i);
      const event = new CloudEvent<unknown>(randomAttributes(rng), false);
      // A time Date cannot read cannot be sent: the sending test covers it.
      if (Number.isNaN(Date.parse(event.time ?? ""))) continue;
      const { headers, body } = HTTP.binary(event);
      const received = mutateHeaders(rng, asText(headers));
      const data = body === undefined || body === null || rng.chance(0.1) ? undefined : body;
      // What the fast path hands over, the transport asks the SDK itself: only what it takes is compared.
      if (!takes(received, data)) continue;
      const fast = outcome(() => binaryEvent(received, data)) as { error?: string };
      assert.deepEqual(fast, outcome(() => sdkDecode(received, data)), `case ${i}: ${JSON.stringify(received)}`);
      if (fast.error) refused += 1;
      else taken += 1;
    }
    assert.ok(taken > 500 && refused > 100, `the generated cases reach both outcomes (${taken} taken, ${refused} refused)`);
  });
});

const NAMES = ["subject", "dataschema", "datacontenttype", "partitionkey", "traceparent", "tracestate", "count", "flag", "x1"];
const STRINGS = ["", "a", "/shop/orders", "https://example.com/s?x=1#f", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "zürich/東京 🚀", "has space", "not a uri%", "application/json", "text/plain", "application/octet-stream"];
const TIMES = ["2026-11-22T10:00:00.000Z", "1999-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "2024-02-29T12:00:00.000Z", "2026-11-22T10:00:00Z", "2026-13-01T00:00:00.000Z", "2026-02-29T00:00:00.000Z", "2100-02-29T00:00:00.000Z", "2000-02-29T00:00:00.000Z", "2026-04-31T00:00:00.000Z", "2026-12-31T00:00:00.000Z"];
const DATA: unknown[] = [ORDER, [], "text", 0, true, null, undefined, Buffer.from("bytes"), { nested: { deep: ["é"] } }];

function randomAttributes(rng: Rng): Attributes {
  const attributes: Attributes = { specversion: "1.0", id: rng.chance(0.9) ? `e-${rng.int(1000)}` : rng.pick(STRINGS), type: rng.pick(["com.shop.order.paid.v1", ...STRINGS]), source: rng.pick(STRINGS), time: rng.pick(TIMES) };
  for (const name of NAMES) if (rng.chance(0.3)) attributes[name] = name === "count" ? rng.int(100) - 50 : name === "flag" ? rng.chance(0.5) : rng.pick(STRINGS);
  // A 0.3 event has no dataschema (the SDK refuses to make one).
  if (rng.chance(0.05) && attributes.dataschema === undefined) attributes.specversion = "0.3";
  const data = rng.pick(DATA);
  if (data !== undefined) attributes.data = data;
  return attributes;
}

/** Receiving side changes: a header dropped, emptied, replaced, or one of the SDK's special names added. */
function mutateHeaders(rng: Rng, headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  const names = Object.keys(out);
  for (let n = rng.int(3); n > 0; n -= 1) {
    const name = rng.pick(names);
    switch (rng.int(4)) {
      case 0:
        delete out[name];
        break;
      case 1:
        out[name] = "";
        break;
      case 2:
        out[name] = rng.pick([...STRINGS, ...TIMES]);
        break;
      default:
        out[rng.pick(["ce-schemaurl", "ce-data", "ce-x-y", "datacontenttype", "ce-datacontenttype", "ce-extra", "ce-specversion", "ce-validate", "ce-tojson"])] = rng.pick(STRINGS);
    }
  }
  return out;
}
