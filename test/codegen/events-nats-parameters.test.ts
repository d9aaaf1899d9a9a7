import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { connect, type NatsConnection } from "nats";
import { generateEventPackages } from "../../src/codegen/asyncapi/generate.js";
import { readInput } from "../../src/registry/resolve.js";
import { tempTree } from "../helpers/cli.js";
import { natsServerSkip, startNatsServer, type NatsServer } from "../helpers/nats-server.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * A channel with parameters end to end: the producer fills `{lightId}` into the subject, the
 * consumer subscribes with NATS's `*` and gets the value back, parsed, beside the data; an
 * invalid event is dead-lettered on the subject its parameters make.
 */
const CONTRACT = `asyncapi: 3.0.0
id: urn:city:lights
info: { title: Lights, version: 1.0.0 }
channels:
  measured:
    address: lights.{lightId}.measured.v1
    parameters:
      lightId: { description: The street light }
    messages:
      LightMeasured:
        payload: { type: object, required: [lumens], properties: { lumens: { type: integer, minimum: 0 } } }
  dimmed:
    address: lights.{lightId}.dim.{level}.v1
    parameters:
      lightId: {}
      level: { enum: [low, high] }
    messages:
      Dim:
        payload: { type: object }
operations:
  sendMeasured:
    action: send
    channel: { $ref: '#/channels/measured' }
  onMeasured:
    action: receive
    channel: { $ref: '#/channels/measured' }
    x-charter-dead-letter: lights.{lightId}.measured.dlq
  sendDim:
    action: send
    channel: { $ref: '#/channels/dimmed' }
`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `condition` holds, without reading the clock: test/run.sh's per-test timeout turns a
 * wait that never ends into a failure, and a slow machine cannot fail a test that would pass.
 */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(20);
}

describe("a channel with parameters over NATS JetStream", { skip: natsServerSkip() }, () => {
  // The generated modules, typed loosely: the test drives them like a user but is compiled apart from them.
  let lights: any;
  let natsTransport: (options: Record<string, unknown>) => Promise<any>;
  let files: Map<string, string>;
  let server: NatsServer;
  let nc: NatsConnection;

  before(async () => {
    const dir = tempTree({ "lights.asyncapi.yaml": CONTRACT });
    files = await generateEventPackages(readInput(dir, dir));
    const compiled = compileSdk(files, "charter-events-nats-parameters-");
    assert.equal(compiled.output, "", compiled.output);
    const load = (path: string) => import(pathToFileURL(join(compiled.dir, "urn-city-lights", path)).href);
    lights = await load("index.ts");
    ({ natsTransport } = await load("transports/nats.ts"));
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
  });

  after(async () => {
    await nc?.close();
    await server?.stop();
  });

  it("types the parameters: a union for an enum, text for the rest", () => {
    const events = files.get("urn-city-lights/events.ts")!;
    assert.match(events, /sendMeasured\(parameters: \{ "lightId": string \}, data: types\.LightMeasured,/);
    assert.match(events, /sendDim\(parameters: \{ "lightId": string; "level": "low" \| "high" \}, data: types\.Dim,/);
    assert.match(events, /onMeasured\(handler: EventHandler<types\.LightMeasured, \{ "lightId": string \}>\)/);
  });

  it("the producer fills the subject, the consumer receives every light's and gets its parameters", async () => {
    const transport = await natsTransport({ servers: server.url });
    const producer = lights.createProducer({ transport });
    const consumer = lights.createConsumer({ transport, ackWaitMs: 2_000, retry: { attempts: 1 } });
    const handled: [string, number][] = [];
    const subscription = await consumer.onMeasured((data: { lumens: number }, context: { parameters: { lightId: string } }) => {
      handled.push([context.parameters.lightId, data.lumens]);
    });

    await producer.sendMeasured({ lightId: "l-1" }, { lumens: 10 });
    await producer.sendMeasured({ lightId: "l-2" }, { lumens: 20 });
    // A value that is not one token would publish on another subject: refused before anything is sent.
    await assert.rejects(producer.sendMeasured({ lightId: "a.b" }, { lumens: 1 }), /lightId must be one segment of the address/);
    await assert.rejects(producer.sendMeasured({}, { lumens: 1 }), /lightId is missing/);
    await waitFor(() => handled.length === 2);
    assert.deepEqual(handled.sort(), [["l-1", 10], ["l-2", 20]]);

    // Both subjects live in the one stream the address makes, the one the consumer reads.
    const jsm = await nc.jetstreamManager();
    assert.deepEqual(await jsm.streams.names("lights.l-1.measured.v1").next(), await jsm.streams.names("lights.*.measured.v1").next());

    // Invalid data (the producer would refuse it) sent raw: dead-lettered on the subject its lightId makes.
    const letters: string[] = [];
    const dlq = nc.subscribe("lights.*.measured.dlq");
    void (async () => {
      for await (const message of dlq) letters.push(message.subject);
    })();
    const { CloudEvent } = await import("cloudevents");
    await transport.send({
      channel: "lights.l-9.measured.v1",
      address: "lights.{lightId}.measured.v1",
      event: new CloudEvent({ source: "urn:city:lights", type: "urn:city:lights.LightMeasured", datacontenttype: "application/json", data: { lumens: -1 } }),
    });
    await waitFor(() => letters.length === 1);
    assert.deepEqual(letters, ["lights.l-9.measured.dlq"]);
    assert.deepEqual(handled.length, 2);

    await subscription.stop();
    dlq.unsubscribe();
    await transport.close();
  });
});
