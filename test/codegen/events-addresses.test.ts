import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addressPattern, fillAddress, parseAddress } from "../../templates/codegen/charter-runtime/events.js";
import { kafkaTopics } from "../../templates/codegen/charter-runtime/events/kafka.js";
import { natsSubject } from "../../templates/codegen/charter-runtime/events/nats.js";

/**
 * Addresses with parameters, as the generated runtime and transports read them. Kafka is covered
 * here only (no broker runs in the tests): the topic pattern a consumer subscribes with, and which
 * topics it takes.
 */

const rows: { address: string; parameters: Record<string, string>; channel: string; nats: string; others: string[] }[] = [
  {
    address: "lights.{lightId}.measured.v1",
    parameters: { lightId: "l-1" },
    channel: "lights.l-1.measured.v1",
    nats: "lights.*.measured.v1",
    others: ["lights.l-1.dim.v1", "lights.a.b.measured.v1", "lights..measured.v1", "xlights.l-1.measured.v1"],
  },
  {
    address: "user.{userId}.signup.{region}",
    parameters: { userId: "42", region: "eu" },
    channel: "user.42.signup.eu",
    nats: "user.*.signup.*",
    others: ["user.42.signup", "user.42.signup.eu.x"],
  },
  {
    // MQTT-style addresses: a parameter is one level; NATS takes the whole token as `*`, the consumer narrows it.
    address: "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured",
    parameters: { streetlightId: "s7" },
    channel: "smartylighting/streetlights/1/0/event/s7/lighting/measured",
    nats: "*",
    others: ["smartylighting/streetlights/1/0/event/s7/x/lighting/measured", "smartylighting/streetlights/1/0/action/s7/dim"],
  },
  {
    address: "rooms.room-{roomId}",
    parameters: { roomId: "9" },
    channel: "rooms.room-9",
    nats: "rooms.*",
    others: ["rooms.hall-9", "rooms.room-"],
  },
];

describe("channel addresses with parameters", () => {
  for (const row of rows) {
    it(`${row.address}: filled, parsed back, and the broker patterns`, () => {
      assert.equal(fillAddress(row.address, row.parameters), row.channel);
      assert.deepEqual(parseAddress(row.address, row.channel), row.parameters);
      assert.equal(natsSubject(row.address), row.nats);
      const topics = kafkaTopics(row.address);
      assert.ok(topics instanceof RegExp);
      assert.ok(topics.test(row.channel));
      for (const other of row.others) {
        assert.equal(parseAddress(row.address, other), undefined, other);
        assert.equal(topics.test(other), false, other);
      }
    });
  }

  it("an address without parameters is its own subject and topic", () => {
    assert.equal(natsSubject("order.paid.v1"), "order.paid.v1");
    assert.equal(kafkaTopics("order.paid.v1"), "order.paid.v1");
    assert.deepEqual(parseAddress("order.paid.v1", "order.paid.v1"), {});
    assert.equal(addressPattern("order.paid.v1").test("orderxpaid.v1"), false, "dots are literal");
  });

  it("a value that is not one segment is refused, naming the parameter", () => {
    for (const value of ["a.b", "a/b", "*", ">", "#", "+", "a b", ""]) {
      assert.throws(() => fillAddress("lights.{lightId}.measured", { lightId: value }), /lightId must be one segment/, JSON.stringify(value));
    }
    assert.throws(() => fillAddress("lights.{lightId}.{level}", { lightId: "x" }), /level is missing/);
  });
});
