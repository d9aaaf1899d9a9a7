import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compare, lineOf } from "./helpers.js";

/**
 * AsyncAPI 3.0's request/reply: an operation's `reply` compared between versions. Each row runs
 * both ways, the reverse change with its own rule and verdicts (replies are data: the replier
 * writes them, the requester reads them).
 */

interface ReplyShape {
  /** The reply's channel id (`replies` or `answers`), or none. */
  channel?: string;
  /** The runtime expression naming where to answer. */
  location?: string;
  /** Keys of the reply channel's messages the reply lists. */
  messages?: string[];
}

/** A replier: `getLight` receives `LightRequested` on `lights.get` and answers on a reply channel. */
function doc(reply?: ReplyShape): string {
  const lines = reply
    ? [
        "    reply:",
        ...(reply.channel ? [`      channel: { $ref: '#/channels/${reply.channel}' }`] : []),
        ...(reply.location ? [`      address: { location: '${reply.location}' }`] : []),
        ...(reply.messages ? ["      messages:", ...reply.messages.map((m) => `        - $ref: '#/channels/${reply.channel}/messages/${m}'`)] : []),
      ]
    : [];
  const replyChannel = (id: string) => `  ${id}:
    address: null
    messages:
      Light:
        payload: { type: object, properties: { lumens: { type: integer } } }
      LightMissing:
        payload: { type: object, properties: { reason: { type: string } } }
`;
  return `asyncapi: 3.0.0
info: { title: t, version: "1" }
channels:
  requests:
    address: lights.get
    messages:
      LightRequested:
        payload: { type: object, properties: { id: { type: string } } }
${replyChannel("replies")}${replyChannel("answers")}operations:
  getLight:
    action: receive
    channel: { $ref: '#/channels/requests' }
${lines.map((l) => `${l}\n`).join("")}`;
}

type Line = { after: string | RegExp } | { before: string | RegExp };
interface Direction {
  rule: string;
  backward: string;
  forward: string;
  line: Line;
}
interface Row extends Direction {
  name: string;
  before?: ReplyShape;
  after?: ReplyShape;
  reverse: Direction;
}

const REPLY: ReplyShape = { channel: "replies", location: "$message.header#/replyTo", messages: ["Light"] };

const rows: Row[] = [
  {
    name: "a reply added to an operation",
    before: undefined, after: REPLY,
    rule: "operation-reply-added", backward: "breaking", forward: "compatible", line: { after: "    reply:" },
    reverse: { rule: "operation-reply-removed", backward: "compatible", forward: "breaking", line: { before: "    reply:" } },
  },
  {
    name: "a reply moved to another channel",
    before: { ...REPLY, messages: undefined }, after: { ...REPLY, channel: "answers", messages: undefined },
    rule: "operation-reply-channel-changed", backward: "breaking", forward: "breaking", line: { after: "answers' }" },
    reverse: { rule: "operation-reply-channel-changed", backward: "breaking", forward: "breaking", line: { after: "replies' }" } },
  },
  {
    name: "a reply's address taken from another header",
    before: REPLY, after: { ...REPLY, location: "$message.header#/respondTo" },
    rule: "operation-reply-address-changed", backward: "breaking", forward: "breaking", line: { after: "respondTo" },
    reverse: { rule: "operation-reply-address-changed", backward: "breaking", forward: "breaking", line: { after: "replyTo" } },
  },
  {
    name: "a reply that may now be a second message",
    before: REPLY, after: { ...REPLY, messages: ["Light", "LightMissing"] },
    rule: "operation-reply-message-added", backward: "compatible", forward: "conditional", line: { after: "messages/LightMissing'" },
    reverse: { rule: "operation-reply-message-removed", backward: "conditional", forward: "breaking", line: { before: "messages/LightMissing'" } },
  },
];

function expectOne(before: string, after: string, expected: Direction) {
  const all = compare(before, after);
  assert.deepEqual(all.map((c) => c.rule), [expected.rule], "exactly the one change");
  const [change] = all;
  assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: expected.backward, forward: expected.forward });
  if ("after" in expected.line) assert.equal(change.location?.line, lineOf(after, expected.line.after));
  else assert.equal(change.before?.line, lineOf(before, expected.line.before));
}

describe("replies: rule, verdicts per direction, location", () => {
  for (const row of rows) {
    const [before, after] = [doc(row.before), doc(row.after)];
    it(row.name, () => expectOne(before, after, row));
    it(`${row.name}, reversed`, () => expectOne(after, before, row.reverse));
  }
  it("an unchanged reply reports nothing", () => {
    assert.deepEqual(compare(doc(REPLY), doc(REPLY)), []);
  });
  it("a change to a reply message's payload is reported once, as its channel's message", () => {
    const after = doc(REPLY).replace("lumens: { type: integer }", "lumens: { type: string }");
    assert.deepEqual([...new Set(compare(doc(REPLY), after).map((c) => c.rule))], ["message-payload-type-changed"]);
  });
  it("a reply given by an operation trait is the operation's", () => {
    const traited = (location: string) =>
      doc().replace("    channel: { $ref: '#/channels/requests' }\n", "    channel: { $ref: '#/channels/requests' }\n    traits:\n      - $ref: '#/components/operationTraits/Replies'\n") +
      `components:\n  operationTraits:\n    Replies:\n      reply:\n        channel: { $ref: '#/channels/replies' }\n        address: { location: '${location}' }\n`;
    const after = traited("$message.header#/respondTo");
    const found = compare(traited("$message.header#/replyTo"), after);
    assert.deepEqual(found.map((c) => c.rule), ["operation-reply-address-changed"]);
    assert.equal(found[0].location?.line, lineOf(after, "respondTo"));
  });
});
