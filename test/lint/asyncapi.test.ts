import { describe } from "node:test";
import { lintTable } from "./helpers.js";

const doc = (body: string) => `asyncapi: 3.0.0\ninfo: { title: Orders, version: 1.0.0 }\n${body}`;
const file = (body: string) => ({ "events.asyncapi.yaml": doc(body) });
const message = (lines: string) => `channels:\n  paid:\n    address: order.paid.v1\n    messages:\n      paid:\n${lines}`;
const CE = "        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders }\n";
const PAYLOAD = "        payload: { type: object, properties: { orderId: { type: string } } }\n";

describe("AsyncAPI and CloudEvents rules", () => {
  lintTable([
    { name: "channel-version-suffix: a path-style address ending in /v2", files: file("channels:\n  paid:\n    address: orders/paid/v2\n"), rule: "channel-version-suffix", count: 0 },
    { name: "channel-version-suffix: at the address", files: file("channels:\n  paid:\n    address: order.paid\n"), rule: "channel-version-suffix", count: 1, line: 5, message: /"order.paid.v1"/ },
    { name: "event-type-version-suffix: messages that are not CloudEvents are left alone", files: file(message(PAYLOAD)), rule: "event-type-version-suffix", count: 0 },
    { name: "message-business-key: a key that is no payload property", files: file(message(`        x-charter-business-key: customerId\n${PAYLOAD}`)), rule: "message-business-key", count: 1, message: /not a property/ },
    { name: "message-business-key: a component listed twice is one message", files: file(`channels:\n  a:\n    address: a.v1\n    messages: { m: { $ref: "#/components/messages/M" } }\n  b:\n    address: b.v1\n    messages: { m: { $ref: "#/components/messages/M" } }\ncomponents:\n  messages:\n    M:\n${PAYLOAD.slice(2)}`), rule: "message-business-key", count: 1 },
    { name: "message-payload-schema: an Avro payload counts", files: file(message('        payload: { schemaFormat: "application/vnd.apache.avro;version=1.9.0", schema: { type: record, name: Paid, fields: [] } }\n')), rule: "message-payload-schema", count: 0 },
    { name: "receive-dead-letter: by channel address", files: file("channels:\n  paid:\n    address: order.paid.v1\n  dlq:\n    address: billing.dlq.v1\noperations:\n  onPaid:\n    action: receive\n    channel: { $ref: \"#/channels/paid\" }\n    x-charter-dead-letter: billing.dlq.v1\n"), rule: "receive-dead-letter", count: 0 },
    { name: "receive-dead-letter: a channel that does not exist", files: file("channels:\n  paid:\n    address: order.paid.v1\noperations:\n  onPaid:\n    action: receive\n    channel: { $ref: \"#/channels/paid\" }\n    x-charter-dead-letter: nowhere\n"), rule: "receive-dead-letter", count: 1, line: 10, message: /not a channel/ },
    { name: "receive-dead-letter: send operations need none", files: file("channels:\n  paid:\n    address: order.paid.v1\noperations:\n  paid:\n    action: send\n    channel: { $ref: \"#/channels/paid\" }\n"), rule: "receive-dead-letter", count: 0 },
    { name: "receive-dead-letter: AsyncAPI 2.x publish is a receive", files: { "events.asyncapi.yaml": "asyncapi: 2.6.0\ninfo: { title: Billing, version: 1.0.0 }\nchannels:\n  order.paid.v1:\n    publish:\n      operationId: onPaid\n      message: { payload: { type: object } }\n" }, rule: "receive-dead-letter", count: 1, message: /"onPaid"/ },
    { name: "cloudevents-id-required: x-cloudevents makes id optional", files: file(message(`        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders, id: null }\n${PAYLOAD}`)), rule: "cloudevents-id-required", count: 1, message: /makes its id optional/ },
    { name: "cloudevents-id-required: an id described by a string is fine", files: file(message(`        x-cloudevents: { type: com.shop.order.paid.v1, source: /shop/orders, id: "a UUID per event" }\n${PAYLOAD}`)), rule: "cloudevents-id-required", count: 0 },
    { name: "cloudevents-id-required: an optional ce-id header (HTTP binding)", files: file(message(`${CE}        headers: { type: object, properties: { ce-id: { type: string } } }\n${PAYLOAD}`)), rule: "cloudevents-id-required", count: 1, message: /"ce-id"/ },
    { name: "x-charter-ignore with a reason on the channel suppresses its messages' findings", files: file(`channels:\n  paid:\n    address: order.paid.v1\n    x-charter-ignore: { message-business-key: "events are keyed by the broker" }\n    messages:\n      paid:\n${PAYLOAD}`), rule: "message-business-key", count: 0 },
    { name: "slo-required: at the channel", files: file("channels:\n  paid:\n    address: order.paid.v1\n"), rule: "slo-required", count: 1, line: 5 },
    { name: "owner-required: info.x-charter-owner", files: { "e.asyncapi.yaml": "asyncapi: 3.0.0\ninfo: { title: O, version: 1.0.0, x-charter-owner: team-orders }\n" }, rule: "owner-required", count: 0 },
    { name: "sunset-required: a deprecated payload property with x-sunset", files: file(message('        payload: { type: object, properties: { note: { type: string, deprecated: true, x-sunset: "2999-01-01" } } }\n')), rule: "sunset-required", count: 0 },
    { name: "sunset-required: a deprecated payload property without", files: file(message("        payload: { type: object, properties: { note: { type: string, deprecated: true } } }\n")), rule: "sunset-required", count: 1, line: 8 },
  ]);
});
