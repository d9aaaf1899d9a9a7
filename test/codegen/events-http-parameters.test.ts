import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/** A channel with parameters over HTTP: the producer posts to the path its values make, the consumer's handler matches it and parses them. */
const CONTRACT = `asyncapi: 3.0.0
id: urn:city:rooms
info: { title: Rooms, version: 1.0.0 }
channels:
  joined:
    address: rooms.{roomId}.joined.v1
    messages:
      Joined:
        payload: { type: object, required: [user], properties: { user: { type: string } } }
operations:
  sendJoined:
    action: send
    channel: { $ref: '#/channels/joined' }
  onJoined:
    action: receive
    channel: { $ref: '#/channels/joined' }
`;

describe("a channel with parameters over HTTP", () => {
  it("the producer posts to the path of the filled address; the consumer's handler serves every room and hands over its id", async () => {
    const dir = tempTree({ "rooms.asyncapi.yaml": CONTRACT });
    const compiled = compileSdk(await generateEventPackages(readInput(dir, dir)), "charter-events-http-parameters-");
    assert.equal(compiled.output, "", compiled.output);
    const load = (path: string) => import(pathToFileURL(join(compiled.dir, "urn-city-rooms", path)).href);
    const rooms = await load("index.ts");
    const { httpTransport } = await load("transports/http.ts");

    const receiver = httpTransport({});
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      receiver.handler(req, res);
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const handled: [string, string][] = [];
      const subscription = await rooms.createConsumer({ transport: receiver }).onJoined((data: { user: string }, context: { parameters: { roomId: string } }) => {
        handled.push([context.parameters.roomId, data.user]);
      });
      const sender = httpTransport({ url, retry: { attempts: 1 } });
      const producer = rooms.createProducer({ transport: sender });
      await producer.sendJoined({ roomId: "r-1" }, { user: "ann" });
      await producer.sendJoined({ roomId: "r-2" }, { user: "bob" });
      assert.deepEqual(handled, [["r-1", "ann"], ["r-2", "bob"]]);
      assert.deepEqual(paths, ["/rooms.r-1.joined.v1", "/rooms.r-2.joined.v1"]);
      // A path the address does not stand for has no subscription.
      const stranger = await fetch(`${url}/rooms.r-1.left.v1`, { method: "POST", body: "{}" });
      assert.equal(stranger.status, 404);
      await subscription.stop();
      await sender.close();
    } finally {
      server.close();
      await receiver.close();
    }
  });
});
