import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { buildSite } from "../../src/docs/site.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, type NatsServer } from "../helpers/nats-server.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * AsyncAPI 3.0 request/reply generated and run: a typed requester and a typed responder from one
 * contract, over core NATS on 127.0.0.1 and over HTTP. The request channel has a parameter; the
 * reply may be either of two messages. Kafka request/reply is not generated (and no broker runs
 * here).
 */
const CONTRACT = `asyncapi: 3.0.0
id: urn:city:lights
info: { title: Lights, version: 1.0.0 }
servers:
  local: { host: 127.0.0.1, protocol: nats }
channels:
  lookup:
    address: lights.{lightId}.get
    parameters:
      lightId: {}
    messages:
      LightRequested:
        headers: { type: object, properties: { priority: { type: integer, minimum: 0 } } }
        payload: { type: object, required: [unit], properties: { unit: { type: string, enum: [lumens, lux] } } }
  lookupReply:
    address: null
    messages:
      Light:
        payload: { type: object, required: [level], properties: { level: { type: integer, minimum: 0 } } }
      LightMissing:
        payload: { type: object, required: [reason], additionalProperties: false, properties: { reason: { type: string } } }
operations:
  getLight:
    action: receive
    summary: Reads a street light's level.
    channel: { $ref: '#/channels/lookup' }
    reply:
      address: { location: '$message.header#/replyTo' }
      channel: { $ref: '#/channels/lookupReply' }
      messages:
        - $ref: '#/channels/lookupReply/messages/Light'
        - $ref: '#/channels/lookupReply/messages/LightMissing'
`;

// The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
let lights: any;
let files: Map<string, string>;
let sdkDir: string;
const load = (path: string) => import(pathToFileURL(join(sdkDir, "urn-city-lights", path)).href);

before(async () => {
  const dir = tempTree({ "lights.asyncapi.yaml": CONTRACT });
  files = await generateEventPackages(readInput(dir, dir));
  const compiled = compileSdk(files, "charter-events-reply-");
  assert.equal(compiled.output, "", compiled.output);
  sdkDir = compiled.dir;
  lights = await load("index.ts");
});

/** What a responder answers: the light's level, "missing" for light 0, a failure for light 13, a reply that fits neither reply message for light 7. */
const answer = (data: { unit: string }, context: { parameters: { lightId: string } }) => {
  const { lightId } = context.parameters;
  if (lightId === "13") throw new Error("the light does not answer");
  if (lightId === "0") return { reason: "no such light" };
  if (lightId === "7") return { level: -1 };
  return { level: data.unit === "lux" ? Number(lightId) * 10 : Number(lightId) };
};

/** The same exchanges over any transport pair. */
async function exchanges(requester: any) {
  const reply = await requester.getLight({ lightId: "4" }, { unit: "lux" });
  assert.deepEqual({ data: reply.data, message: reply.message, type: reply.event.type }, { data: { level: 40 }, message: "Light", type: "urn:city:lights.Light" });
  // The second reply message, told apart by the one the handler's value fits.
  const missing = await requester.getLight({ lightId: "0" }, { unit: "lumens" });
  assert.deepEqual({ data: missing.data, message: missing.message }, { data: { reason: "no such light" }, message: "LightMissing" });
  // Invalid requests are refused before anything is sent.
  await assert.rejects(requester.getLight({ lightId: "4" }, { unit: "candela" }), { name: "EventValidationError" });
  await assert.rejects(requester.getLight({ lightId: "a.b" }, { unit: "lux" }), /lightId must be one segment/);
  // The responder's refusals come back with their reason.
  await assert.rejects(requester.getLight({ lightId: "13" }, { unit: "lux" }), { name: "RequestError", message: /refused: handler failed: the light does not answer/ });
  await assert.rejects(requester.getLight({ lightId: "7" }, { unit: "lux" }), { name: "RequestError", message: /refused: the handler's reply is none of Light, LightMissing/ });
}

describe("request/reply generated from a 3.0 reply", () => {
  it("types a requester per request message and a responder per operation, both typed by the reply's messages", () => {
    const replies = files.get("urn-city-lights/replies.ts")!;
    assert.match(replies, /getLight\(parameters: \{ "lightId": string \}, data: types\.LightRequested, options: RequestOptions & \{ headers: types\.LightRequestedHeaders \}\): Promise<ReplyOf<types\.Light \| types\.LightMissing>>/);
    assert.match(replies, /getLight\(handler: RequestHandler<types\.LightRequested, types\.Light \| types\.LightMissing, \{ "lightId": string \}>\): Promise<Subscription>/);
    assert.match(files.get("urn-city-lights/index.ts")!, /export \* from "\.\/replies\.js";/);
  });

  it("a contract without replies gets no replies.ts", async () => {
    const dir = tempTree({ "lights.asyncapi.yaml": CONTRACT.replace(/    reply:\n(      .*\n|        .*\n)+/, "") });
    const plain = await generateEventPackages(readInput(dir, dir));
    assert.equal(plain.has("urn-city-lights/replies.ts"), false);
    assert.doesNotMatch(plain.get("urn-city-lights/index.ts")!, /replies/);
  });

  it("the docs page shows the reply (its channel, address and messages) and the servers", async () => {
    const dir = tempTree({ "lights.asyncapi.yaml": CONTRACT.replace("  local: { host: 127.0.0.1, protocol: nats }", "  local: { host: 127.0.0.1, protocol: nats }\n  devices: { host: 'mqtt.city:1883', pathname: /lights, protocol: mqtt }") });
    const site = await buildSite(readInput(dir, dir), []);
    const page = [...site.entries()].find(([path]) => path.startsWith("contracts/asyncapi-"))?.[1] ?? "";
    const reply = /<div class="reply">(.*?)<\/div>/.exec(page)?.[1] ?? "";
    assert.match(reply, /^reply on <a href="#[^"]+">lookupReply<\/a> to <code>\$message\.header#\/replyTo<\/code>: <a href="#[^"]+">Light<\/a> <a href="#[^"]+">LightMissing<\/a>/);
    // A server of a protocol charter generates no transport for is shown all the same.
    assert.match(page, /<tr class="server"><td>devices<\/td><td><code>mqtt<\/code><\/td><td><code>mqtt\.city:1883<\/code><\/td><td><code>\/lights<\/code><\/td>/);
  });

  it("Kafka has no request/reply transport: said when first used", async () => {
    const transport = lights.requestTransportFor({ protocol: "kafka", url: "kafka://127.0.0.1:9092" });
    await assert.rejects(transport.request({ channel: "lights.4.get" }, 1_000), /no request\/reply transport for protocol "kafka"/);
  });
});

describe("request/reply over core NATS", { skip: natsServerSkip() }, () => {
  let server: NatsServer;
  before(async () => {
    server = await startNatsServer();
  });
  after(async () => {
    await server?.stop();
  });

  it("the requester gets the responder's typed reply, and every refusal with its reason", async () => {
    const { natsRequestTransport } = await load("transports/nats-reply.ts");
    const transport = await natsRequestTransport({ servers: server.url });
    const responder = lights.createResponder({ transport });
    const requester = lights.createRequester({ transport });
    // Before anyone answers: no reply, said so rather than waited for.
    await assert.rejects(requester.getLight({ lightId: "4" }, { unit: "lux" }, { timeoutMs: 500 }), { name: "RequestError", message: /no reply/ });
    const subscription = await responder.getLight(answer);
    await exchanges(requester);

    // A request the requester's SDK would refuse, sent raw: the responder refuses it too, naming the field.
    const { CloudEvent } = await import("cloudevents");
    const raw = await transport.request(
      { channel: "lights.4.get", event: new CloudEvent({ source: "urn:city:lights", type: "urn:city:lights.LightRequested", datacontenttype: "application/json", data: { unit: "candela" } }) },
      2_000,
    );
    assert.match(raw.refused, /LightRequested is invalid: \/unit must be equal to one of the allowed values/);
    // Its declared headers are checked too.
    const badHeader = await transport.request(
      { channel: "lights.4.get", headers: { priority: "high" }, event: new CloudEvent({ source: "urn:city:lights", type: "urn:city:lights.LightRequested", datacontenttype: "application/json", data: { unit: "lux" } }) },
      2_000,
    );
    assert.match(badHeader.refused, /LightRequested headers is invalid: \/priority must be integer/);
    assert.deepEqual((await requester.getLight({ lightId: "4" }, { unit: "lumens" }, { headers: { priority: 2 } })).data, { level: 4 });
    await subscription.stop();
    await transport.close();
  });
});

describe("request/reply over HTTP", () => {
  let http: Server;
  let transport: any;
  before(async () => {
    const { httpRequestTransport } = await load("transports/http-reply.ts");
    const serving = httpRequestTransport();
    http = createServer(serving.handler);
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    await lights.createResponder({ transport: serving }).getLight(answer);
    transport = httpRequestTransport({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
  });
  after(() => new Promise<void>((resolve) => http.close(() => resolve())));

  it("the reply is the response: typed, and every refusal with its reason", async () => {
    await exchanges(lights.createRequester({ transport }));
  });
});
