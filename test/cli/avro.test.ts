import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { avroEventsDocument } from "../helpers/avro-registry.js";
import { charter, tempTree } from "../helpers/cli.js";

/** `charter breaking` on registry folders whose AsyncAPI payloads are Avro `.avsc` files (built CLI; `npm run build` first). */
const EVENTS = (ref: string) => avroEventsDocument(ref);
const V1 = '{"type": "record", "name": "OrderPaid", "fields": [{"name": "id", "type": "string"}]}\n';
const V2 = '{"type": "record", "name": "OrderPaid", "fields": [\n  {"name": "id", "type": "string"},\n  {"name": "amount", "type": "long"}\n]}\n';

describe("charter breaking on Avro payloads", () => {
  const root = tempTree({ "v1/events.asyncapi.yaml": EVENTS("./schemas/order-paid.avsc"), "v1/schemas/order-paid.avsc": V1, "v2/events.asyncapi.yaml": EVENTS("./schemas/order-paid.avsc"), "v2/schemas/order-paid.avsc": V2 });

  it("a field added without a default fails BACKWARD at the field, and passes FORWARD", () => {
    const backward = charter(["breaking", join(root, "v2"), "--against", join(root, "v1"), "--mode", "BACKWARD", "--format", "json"], root);
    assert.equal(backward.status, 1, backward.stderr);
    const [finding] = JSON.parse(backward.stdout).findings;
    assert.equal(finding.rule, "message-avro-payload-backward-incompatible");
    assert.deepEqual([finding.backward, finding.forward, finding.location.file, finding.location.line], ["breaking", "compatible", "v2/schemas/order-paid.avsc", 3]);
    const forward = charter(["breaking", join(root, "v2"), "--against", join(root, "v1"), "--mode", "FORWARD"], root);
    assert.equal(forward.status, 0, forward.stdout + forward.stderr);
  });

  it("an .avsc file outside the registry, a remote one or one avsc refuses stops charter at one located line", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ "r/events.asyncapi.yaml": EVENTS("../order-paid.avsc"), "order-paid.avsc": V1 }, /^r\/events\.asyncapi\.yaml:11:\d+: \$ref "\.\.\/order-paid\.avsc" leaves the registry\n$/],
      [{ "r/events.asyncapi.yaml": EVENTS("https://example.com/order-paid.avsc") }, /^r\/events\.asyncapi\.yaml:11:\d+: remote \$ref .* charter reads nothing from the network\n$/],
      [{ "r/events.asyncapi.yaml": EVENTS("./bad.avsc"), "r/bad.avsc": '{"type": "record", "name": "X", "fields": [{"name": "a", "type": "Nope"}]}' }, /^r\/bad\.avsc:1:1: not an Avro schema avsc can read: .*Nope.*\n$/],
    ];
    for (const [files, line] of cases) {
      const dir = tempTree(files);
      const run = charter(["breaking", "r", "--against", "r"], dir);
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr.replace(/^charter: /, ""), line);
    }
  });

  it("charter generate refuses a Confluent schema id that is not one, where it is written", () => {
    const events = EVENTS("./order-paid.avsc").replace("        contentType: application/avro\n", "        contentType: application/avro\n        x-charter-confluent-schema-id: -1\n");
    const dir = tempTree({ "r/events.asyncapi.yaml": events, "r/order-paid.avsc": V1 });
    const run = charter(["generate", "r", "--out", "sdk"], dir);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.equal(run.stderr, "charter: r/events.asyncapi.yaml:9:40: x-charter-confluent-schema-id is not a schema id (an integer from 0 to 4294967295)\n");
  });
});
