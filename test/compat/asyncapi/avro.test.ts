import assert from "node:assert/strict";
import { describe, it } from "node:test";
import avsc from "avsc";
import { asyncApiDocument } from "../../../src/contracts/asyncapi/document.js";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";
import { compareAsyncApi } from "../../../src/compat/asyncapi/compare.js";
import type { Change } from "../../../src/compat/finding.js";
import { avroEventsDocument } from "../../helpers/avro-registry.js";
import { lineOf } from "./helpers.js";

/**
 * Avro payloads judged by Avro's schema resolution: every row's verdicts must be what avsc's own
 * resolver says in each direction (the oracle: new schema reading old data for backward, old
 * reading new for forward) and what Confluent Schema Registry's Avro rules say (`expect`).
 */
type Json = Record<string, unknown>;
type Verdicts = { backward: "compatible" | "breaking"; forward: "compatible" | "breaking" };

const record = (fields: Json[], extra: Json = {}): Json => ({ type: "record", name: "OrderPaid", namespace: "shop.orders", fields, ...extra });
const ID = { name: "orderId", type: "string" };
const AMOUNT = { name: "amount", type: "int" };
const status = (symbols: string[], extra: Json = {}) => ({ name: "status", type: { type: "enum", name: "Status", symbols, ...extra } });
const note = (branches: unknown[]) => ({ name: "note", type: branches });

interface Row {
  name: string;
  old: Json;
  now: Json;
  expect: Verdicts;
  rule: string;
  /** A piece of the line the finding points at: in the new schema, or the old one (`before`) for a removal. */
  line: string;
  before?: boolean;
}

const rows: Row[] = [
  { name: "field added with a default", old: record([ID]), now: record([ID, { name: "currency", type: "string", default: "EUR" }]), expect: { backward: "compatible", forward: "compatible" }, rule: "message-avro-payload-changed", line: '"currency"' },
  { name: "field added without a default", old: record([ID]), now: record([ID, { name: "currency", type: "string" }]), expect: { backward: "breaking", forward: "compatible" }, rule: "message-avro-payload-backward-incompatible", line: '"currency"' },
  { name: "field removed that had a default", old: record([ID, { name: "currency", type: "string", default: "EUR" }]), now: record([ID]), expect: { backward: "compatible", forward: "compatible" }, rule: "message-avro-payload-changed", line: '"currency"', before: true },
  { name: "field removed that had no default", old: record([ID, { name: "currency", type: "string" }]), now: record([ID]), expect: { backward: "compatible", forward: "breaking" }, rule: "message-avro-payload-forward-incompatible", line: '"currency"', before: true },
  { name: "int promoted to long", old: record([ID, AMOUNT]), now: record([ID, { name: "amount", type: "long" }]), expect: { backward: "compatible", forward: "breaking" }, rule: "message-avro-payload-forward-incompatible", line: '"long"' },
  { name: "string to bytes", old: record([ID, AMOUNT]), now: record([{ name: "orderId", type: "bytes" }, AMOUNT]), expect: { backward: "compatible", forward: "compatible" }, rule: "message-avro-payload-changed", line: '"bytes"' },
  { name: "enum symbol added, enum without a default", old: record([ID, status(["PAID"])]), now: record([ID, status(["PAID", "REFUNDED"])]), expect: { backward: "compatible", forward: "breaking" }, rule: "message-avro-payload-forward-incompatible", line: '"symbols"' },
  { name: "enum symbol added, enum with a default", old: record([ID, status(["PAID", "UNKNOWN"], { default: "UNKNOWN" })]), now: record([ID, status(["PAID", "UNKNOWN", "REFUNDED"], { default: "UNKNOWN" })]), expect: { backward: "compatible", forward: "compatible" }, rule: "message-avro-payload-changed", line: '"symbols"' },
  { name: "union branch added", old: record([ID, note(["null", "string"])]), now: record([ID, note(["null", "string", "int"])]), expect: { backward: "compatible", forward: "breaking" }, rule: "message-avro-payload-forward-incompatible", line: '"type": [' },
  { name: "union branch removed", old: record([ID, note(["null", "string", "int"])]), now: record([ID, note(["null", "string"])]), expect: { backward: "breaking", forward: "compatible" }, rule: "message-avro-payload-backward-incompatible", line: '"type": [' },
  { name: "record renamed with an alias of its old name", old: record([ID]), now: record([ID], { name: "PaymentReceived", aliases: ["shop.orders.OrderPaid"] }), expect: { backward: "compatible", forward: "breaking" }, rule: "message-avro-payload-forward-incompatible", line: '"PaymentReceived"' },
  { name: "record renamed without aliases", old: record([ID]), now: record([ID], { name: "PaymentReceived" }), expect: { backward: "breaking", forward: "breaking" }, rule: "message-avro-payload-incompatible", line: '"PaymentReceived"' },
];

/** avsc's resolver, asked directly: can `reader` read what `writer` wrote? */
const oracle = (old: Json, now: Json): Verdicts => {
  const reads = (reader: Json, writer: Json) => {
    try {
      avsc.Type.forSchema(reader as avsc.Schema).createResolver(avsc.Type.forSchema(writer as avsc.Schema));
      return "compatible" as const;
    } catch {
      return "breaking" as const;
    }
  };
  return { backward: reads(now, old), forward: reads(old, now) };
};

const pretty = (schema: Json) => JSON.stringify(schema, null, 2);
const indent = (text: string, by: number) => text.split("\n").join(`\n${" ".repeat(by)}`);

/** The AsyncAPI 2.6 form: `schemaFormat` on the message, the Avro schema inline as the payload. */
const inline26 = (schema: Json) => `asyncapi: 2.6.0
info: { title: t, version: "1" }
channels:
  order.paid.v1:
    subscribe:
      operationId: sendPaid
      message:
        name: OrderPaid
        schemaFormat: application/vnd.apache.avro;version=1.9.0
        contentType: application/avro
        payload: ${indent(pretty(schema), 10)}
`;

/** The AsyncAPI 3.0 form: a multi-format schema object whose schema is a registry `.avsc` file. */
const file30 = avroEventsDocument("./order-paid.avsc", "t");

type Form = { name: string; files: (schema: Json) => Map<string, string>; text: (files: Map<string, string>) => string };
const FORMS: Form[] = [
  { name: "2.6, inline", files: (schema) => new Map([["events.yaml", inline26(schema)]]), text: (files) => files.get("events.yaml")! },
  { name: "3.0, .avsc file", files: (schema) => new Map([["events.yaml", file30], ["order-paid.avsc", pretty(schema)]]), text: (files) => files.get("order-paid.avsc")! },
];

function compareFiles(before: Map<string, string>, after: Map<string, string>): Change[] {
  const load = (files: Map<string, string>) => {
    const schemas = createSchemaSource(files, "");
    schemas.checkRefs("events.yaml");
    return { document: asyncApiDocument("events.yaml", files.get("events.yaml")!, schemas.source("events.yaml")!), schemas };
  };
  return compareAsyncApi(load(before), load(after));
}

describe("Avro payloads: verdicts are avsc's resolver's, both ways", () => {
  for (const form of FORMS) {
    for (const row of rows) {
      it(`${form.name}: ${row.name}`, () => {
        const truth = oracle(row.old, row.now);
        assert.deepEqual(truth, row.expect, "the oracle disagrees with Confluent's rules as the row states them");
        const [before, after] = [form.files(row.old), form.files(row.now)];
        const changes = compareFiles(before, after);
        assert.deepEqual(changes.map((c) => c.rule), [row.rule], JSON.stringify(changes, null, 1));
        const [change] = changes;
        assert.deepEqual({ backward: change.backward, forward: change.forward }, truth);
        const place = row.before ? change.before : change.location;
        const written = form.text(row.before ? before : after);
        assert.equal(place?.line, lineOf(written, row.line), `${JSON.stringify(place)} should be on the line of ${row.line}`);
      });
    }
  }

  it("an unchanged Avro payload is no change", () => {
    assert.deepEqual(compareFiles(FORMS[1].files(record([ID])), FORMS[1].files(record([ID]))), []);
  });

  it("a payload moved from JSON Schema to Avro breaks both ways", () => {
    const json = inline26(record([ID])).replace(/ *schemaFormat: .*\n/, "").replace(/payload: [\s\S]*$/, "payload: { type: object }\n");
    const changes = compareFiles(new Map([["events.yaml", json]]), FORMS[0].files(record([ID])));
    const format = changes.find((c) => c.rule === "message-payload-format-changed");
    assert.ok(format, JSON.stringify(changes));
    assert.deepEqual([format.backward, format.forward], ["breaking", "breaking"]);
  });

  it("a schema avsc refuses stops charter where it is written", () => {
    const bad = FORMS[1].files(record([ID]));
    bad.set("order-paid.avsc", pretty(record([{ name: "orderId", type: "Nope" }])));
    assert.throws(() => compareFiles(FORMS[1].files(record([ID])), bad), (error: Error) => /^order-paid\.avsc:1:1: not an Avro schema avsc can read: .*Nope/.test(String(error)));
  });
});
