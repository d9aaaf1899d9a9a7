import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AsyncApiContract } from "../../src/contracts/contract.js";
import { loadRegistry } from "../../src/contracts/load-registry.js";
import { sampleEvents } from "../../src/mock/events.js";
import { addressCovers } from "../../src/verify/check-event.js";
import { snapshot } from "../helpers/proto.js";

/** The addresses charter mock --nats publishes a contract's samples on. */
async function addresses(file: string, text: string): Promise<string[]> {
  const registry = await loadRegistry(snapshot({ [file]: text }));
  const contracts = registry.documents.filter((c): c is AsyncApiContract => c.kind === "asyncapi");
  return sampleEvents(contracts).map((e) => e.address);
}

const V2 = `asyncapi: 2.6.0
info: { title: Lights, version: 1.0.0 }
channels:
  lights.{lightId}.{zone}.{unknown}.measured:
    parameters:
      lightId: { schema: { type: integer, minimum: 3 } }
      zone: { schema: { type: string, enum: [north, south] } }
    subscribe:
      message: { name: Measured, payload: { type: object } }
`;

const V3 = `asyncapi: 3.0.0
info: { title: Users, version: 1.0.0 }
channels:
  signedUp:
    address: users.{userId}.{region}.{shard}.signed-up
    parameters:
      userId: { examples: [u-42] }
      region: { $ref: "#/components/parameters/region" }
      shard: { description: "a value with a dot would leave its segment", examples: [a.b] }
    messages:
      signedUp: { payload: { type: object } }
operations:
  announce:
    action: send
    channel: { $ref: "#/channels/signedUp" }
components:
  parameters:
    region: { default: eu-west }
`;

describe("the sample events charter mock publishes", () => {
  it("fill a 2.x address's parameters from their schemas, and name one it does not declare", async () => {
    const [address] = await addresses("lights.asyncapi.yaml", V2);
    assert.equal(address, "lights.3.north.unknown.measured");
    assert.ok(addressCovers("lights.{lightId}.{zone}.{unknown}.measured", address));
  });

  it("fill a 3.0 address's parameters from their examples and defaults, through a $ref, and name one whose value would leave its segment", async () => {
    assert.deepEqual(await addresses("users.asyncapi.yaml", V3), ["users.u-42.eu-west.shard.signed-up"]);
  });
});
