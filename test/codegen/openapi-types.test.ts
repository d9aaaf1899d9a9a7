import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { generateOpenApiClients } from "../../src/codegen/openapi/generate.js";
import type { Snapshot } from "../../src/registry/snapshot.js";
import { ROOT } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * The types of a generated client as openapi-typescript users expect them: readOnly properties
 * not sent, writeOnly ones not read, unions narrowed by their discriminator (mapped by `$ref`, by
 * bare name, to schemas of another file of the registry, inside a schema of another file, and from
 * a base schema extended by allOf), and declared response headers typed on the result and on a declared error, read against
 * a server on 127.0.0.1.
 */
const CONTRACT = `openapi: 3.1.0
info: { title: Pets API, version: 1.0.0, x-charter-id: pets.v1 }
paths:
  /pets:
    post:
      operationId: createPet
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
      responses:
        "201":
          description: Created
          headers:
            Location: { required: true, schema: { type: string } }
            X-Rate-Limit: { $ref: "#/components/headers/RateLimit" }
            X-Beta: { schema: { type: boolean } }
            X-Tags: { schema: { type: array, items: { type: integer } } }
            X-Window: { explode: true, schema: { type: object, properties: { from: { type: integer }, zone: { type: string } } } }
            X-Trace: { content: { application/json: { schema: { type: object, properties: { span: { type: string } } } } } }
            Content-Type: { schema: { type: string } }
          content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } }
        "400": { description: Bad, content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } } }
        "429":
          description: Slow down
          headers: { X-Limit-Reset: { required: true, schema: { type: integer } }, X-Limit-Scope: { schema: { type: string } } }
          content: { application/json: { schema: { $ref: "#/components/schemas/Problem" } } }
  /vehicles/{id}:
    get:
      operationId: getVehicle
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Vehicle" } } } }
        "2XX": { description: Other, headers: { X-Cache: { schema: { type: string } } } }
  /rodents:
    get:
      operationId: listRodents
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: array, items: { $ref: "#/components/schemas/Rodent" } } } } }
  /burrows:
    get:
      operationId: listBurrows
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: array, items: { $ref: "rodents.yaml#/Burrow" } } } } }
  /animals:
    get:
      operationId: listAnimals
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: array, items: { oneOf: [{ $ref: "#/components/schemas/Bird" }, { $ref: "#/components/schemas/Fish" }] } } } } }
  /photos/{id}:
    get:
      operationId: getPhoto
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: OK, content: { image/png: { schema: { type: string, format: binary } } } }
components:
  headers:
    RateLimit: { schema: { type: integer } }
  schemas:
    Pet:
      oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Cat" }]
      discriminator: { propertyName: kind, mapping: { dog: "#/components/schemas/Dog", cat: "#/components/schemas/Cat" } }
    Dog:
      type: object
      required: [kind, id, name, bark]
      properties:
        kind: { type: string }
        id: { type: integer, readOnly: true }
        name: { type: string }
        bark: { type: string }
        secret: { type: string, writeOnly: true }
        owner: { $ref: "#/components/schemas/Owner" }
    Cat:
      type: object
      required: [kind, name, lives]
      properties: { kind: { type: string }, name: { type: string }, lives: { type: integer } }
    Owner:
      type: object
      properties: { email: { type: string }, createdAt: { type: string, readOnly: true }, password: { type: string, writeOnly: true } }
    Problem: { type: object, required: [title], properties: { title: { type: string }, debugToken: { type: string, writeOnly: true } } }
    Vehicle:
      oneOf: [{ $ref: "#/components/schemas/Car" }, { $ref: "#/components/schemas/Bike" }]
      discriminator: { propertyName: type, mapping: { car: Car, bike: Bike } }
    Car: { type: object, required: [type, doors], properties: { type: { type: string }, doors: { type: integer } } }
    Bike: { type: object, required: [type, gears], properties: { type: { type: string }, gears: { type: integer } } }
    Animal:
      type: object
      required: [class]
      properties: { class: { type: string } }
      discriminator: { propertyName: class, mapping: { bird: Bird, fish: Fish } }
    Bird: { allOf: [{ $ref: "#/components/schemas/Animal" }, { type: object, required: [wings], properties: { wings: { type: integer } } }] }
    Fish: { allOf: [{ $ref: "#/components/schemas/Animal" }, { type: object, required: [fins], properties: { fins: { type: integer } } }] }
    Rodent:
      oneOf: [{ $ref: "rodents.yaml#/Mouse" }, { $ref: "rodents.yaml#/Rat" }]
      discriminator: { propertyName: species, mapping: { mouse: "rodents.yaml#/Mouse", rat: "rodents.yaml#/Rat" } }
`;

const RODENTS = `Mouse: { type: object, required: [species, tiny], properties: { species: { type: string }, tiny: { type: boolean } } }
Rat: { type: object, required: [species, tail], properties: { species: { type: string }, tail: { type: integer } } }
Vole: { type: object, required: [species, tiny], properties: { species: { type: string }, tiny: { type: boolean } } }
Gerbil: { type: object, required: [species, tail], properties: { species: { type: string }, tail: { type: integer } } }
Burrow:
  oneOf: [{ $ref: "#/Vole" }, { $ref: "#/Gerbil" }]
  discriminator: { propertyName: species, mapping: { vole: "#/Vole", gerbil: "#/Gerbil" } }
`;

/** Written into the package and compiled with it: every `@ts-expect-error` line must be an error, every other line not. */
const USAGE = `import { Client, isApiError, type CreatePetResult } from "./index.js";

const client = new Client({ baseUrl: "http://127.0.0.1:1" });

export async function readOnlyAndWriteOnly(): Promise<string> {
  // A writeOnly property may be sent, nested ones too; readOnly ones are left out.
  const created = await client.createPet({ body: { kind: "dog", name: "Rex", bark: "woof", secret: "s", owner: { email: "a@b.c", password: "p" } } });
  // @ts-expect-error id is readOnly: a request body may not carry it
  await client.createPet({ body: { kind: "dog", id: 7, name: "Rex", bark: "woof" } });
  // @ts-expect-error createdAt is readOnly, also in a nested object
  await client.createPet({ body: { kind: "dog", name: "Rex", bark: "woof", owner: { createdAt: "now" } } });
  const pet = created.body;
  if (pet.kind === "dog") {
    const id: number = pet.id;
    const email: string | undefined = pet.owner?.email;
    const createdAt: string | undefined = pet.owner?.createdAt;
    // @ts-expect-error secret is writeOnly: a response does not carry it
    pet.secret;
    // @ts-expect-error password is writeOnly, also in a nested object
    pet.owner?.password;
    return pet.name + id + email + createdAt;
  }
  return pet.name;
}

export async function writeOnlyInAnErrorBody(): Promise<string> {
  try {
    await client.createPet({ body: { kind: "cat", name: "Tom", lives: 9 } });
    return "";
  } catch (error) {
    if (!isApiError(error, "createPet", 400)) throw error;
    // @ts-expect-error debugToken is writeOnly: an error response does not carry it either
    error.body.debugToken;
    return error.body.title;
  }
}

export async function errorHeaders(): Promise<number> {
  try {
    await client.createPet({ body: { kind: "cat", name: "Tom", lives: 9 } });
    return 0;
  } catch (error) {
    if (!isApiError(error, "createPet", 429)) throw error;
    const reset: number = error.header["X-Limit-Reset"];
    const scope: string | undefined = error.header["X-Limit-Scope"];
    // @ts-expect-error X-Limit-Reset is an integer
    const wrong: string = error.header["X-Limit-Reset"];
    // @ts-expect-error the 429 declares no X-Rate-Limit (the 201 does)
    error.header["X-Rate-Limit"];
    return reset + (scope ?? wrong).length;
  }
}

export async function discriminators(): Promise<number> {
  const pet = (await client.createPet({ body: { kind: "cat", name: "Tom", lives: 9 } })).body;
  // @ts-expect-error a Cat has no bark until the union is narrowed
  pet.bark;
  // @ts-expect-error "Dog" is the schema's name, not a value of the mapping
  if (pet.kind === "Dog") return 0;
  const lives = pet.kind === "cat" ? pet.lives : pet.bark.length;
  // @ts-expect-error a cat is never sent as a dog
  await client.createPet({ body: { kind: "dog", name: "Tom", lives: 9 } });

  // A mapping by bare schema name narrows by its value (the body is undefined for the 2XX without content).
  const { body } = await client.getVehicle({ path: { id: "v" } });
  let doors = 0;
  if (body !== undefined) {
    doors = body.type === "car" ? body.doors : body.gears;
    // @ts-expect-error "Car" is the schema's name, not a value of the mapping
    if (body.type === "Car") return 0;
  }

  const rodents = (await client.listRodents()).body;
  // Members from another file of the registry keep the mapping's values.
  const tails = rodents.map((r) => (r.species === "rat" ? r.tail : r.tiny ? 1 : 0));
  // @ts-expect-error "Rat" is the schema's name, not a value of the mapping
  rodents.filter((r) => r.species === "Rat");

  // A mapping written inside a schema of another file narrows too.
  const burrows = (await client.listBurrows()).body.map((b) => (b.species === "gerbil" ? b.tail : b.tiny ? 1 : 0));
  // @ts-expect-error "Gerbil" is the schema's name, not a value of the mapping
  (await client.listBurrows()).body.filter((b) => b.species === "Gerbil");

  // A base schema's discriminator, mapped by bare names, narrows the schemas that extend it (allOf).
  const limbs = (await client.listAnimals()).body.map((a) => (a.class === "bird" ? a.wings : a.fins));
  // @ts-expect-error "Bird" is the schema's name, not a value of the mapping
  (await client.listAnimals()).body.filter((a) => a.class === "Bird");
  return lives + doors + tails.length + burrows.length + limbs.length;
}

export function headers(result: CreatePetResult): string {
  const location: string = result.header.Location;
  const limit: number | undefined = result.header["X-Rate-Limit"];
  const beta: boolean | undefined = result.header["X-Beta"];
  const tags: number[] | undefined = result.header["X-Tags"];
  const from: number | undefined = result.header["X-Window"]?.from;
  const span: string | undefined = result.header["X-Trace"]?.span;
  // @ts-expect-error X-Rate-Limit is an integer
  const wrong: string | undefined = result.header["X-Rate-Limit"];
  // @ts-expect-error X-Undeclared is not a declared header (the raw ones stay in result.headers)
  result.header["X-Undeclared"];
  return [location, limit, beta, tags, from, span, wrong, result.headers.get("x-undeclared")].join();
}

export async function binary(): Promise<number> {
  // A binary body stays a Blob when writeOnly properties are stripped from what is read.
  const { body } = await client.getPhoto({ path: { id: "p" } });
  return (await body.arrayBuffer()).byteLength + body.size;
}
`;

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

describe("generated OpenAPI client: readOnly/writeOnly, discriminators and typed response headers", () => {
  let dir: string;
  let mod: any;
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;
  let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_req, res) => send(res, 500, {});

  before(async () => {
    const snapshot: Snapshot = { label: "types", files: new Map([["pets.openapi.yaml", CONTRACT], ["rodents.yaml", RODENTS]]), base: "." };
    const compiled = compileSdk(await generateOpenApiClients(snapshot), "charter-types-");
    assert.equal(compiled.output, "", compiled.output);
    dir = compiled.dir;
    mod = await import(pathToFileURL(join(dir, "pets.v1", "index.ts")).href);
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => handler(req, res, body));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("type checks: readOnly not sent, writeOnly not read, unions narrowed by the discriminator's mapping, headers typed", () => {
    writeFileSync(join(dir, "pets.v1", "usage.ts"), USAGE);
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
    assert.equal(run.stdout + run.stderr, "");
    assert.equal(run.status, 0);
    // Each expected error is a real one: without its @ts-expect-error line, tsc reports it.
    const expected = USAGE.split("\n").filter((line) => line.includes("@ts-expect-error")).length;
    writeFileSync(join(dir, "pets.v1", "usage.ts"), USAGE.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, ""));
    const bare = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
    const errors = (bare.stdout + bare.stderr).split("\n").filter((line) => /pets\.v1\/usage\.ts\(\d+,\d+\): error/.test(line));
    assert.equal(new Set(errors.map((line) => /usage\.ts\((\d+),/.exec(line)?.[1])).size, expected, errors.join("\n"));
    writeFileSync(join(dir, "pets.v1", "usage.ts"), USAGE);
  });

  it("reads declared response headers typed from their schemas; the raw Headers stay", async () => {
    handler = (_req, res, body) =>
      send(res, 201, { ...JSON.parse(body), id: 7 }, {
        location: "/pets/7",
        "x-rate-limit": "120",
        "x-beta": "true",
        "x-tags": "1, 2,3",
        "x-window": "from=9,zone=CET",
        "x-trace": JSON.stringify({ span: "ab" }),
        "x-undeclared": "raw",
      });
    const client = new mod.Client({ baseUrl });
    const result = await client.createPet({ body: { kind: "cat", name: "Tom", lives: 9 } });
    assert.deepEqual(result.header, {
      Location: "/pets/7",
      "X-Rate-Limit": 120,
      "X-Beta": true,
      "X-Tags": [1, 2, 3],
      "X-Window": { from: 9, zone: "CET" },
      "X-Trace": { span: "ab" },
    });
    assert.equal(result.headers.get("x-undeclared"), "raw");
    assert.deepEqual(result.body, { kind: "cat", name: "Tom", lives: 9, id: 7 });

    handler = (_req, res) => send(res, 201, { kind: "cat", name: "Tom", lives: 9 }, { location: "/pets/8" });
    assert.deepEqual((await client.createPet({ body: { kind: "cat", name: "Tom", lives: 9 } })).header, { Location: "/pets/8" }, "optional headers may be missing");
  });

  it("reads the headers of the response key the status answers to: its own code, else its class", async () => {
    const client = new mod.Client({ baseUrl });
    handler = (_req, res) => send(res, 200, { type: "car", doors: 3 }, { "x-cache": "hit" });
    assert.deepEqual((await client.getVehicle({ path: { id: "v" } })).header, {}, "200 declares no headers");
    handler = (_req, res) => (res.writeHead(203, { "x-cache": "hit" }), res.end());
    assert.deepEqual((await client.getVehicle({ path: { id: "v" } })).header, { "X-Cache": "hit" });
  });

  it("reads the declared headers of an error response onto the ApiError; the raw Headers stay", async () => {
    const client = new mod.Client({ baseUrl });
    const pet = { kind: "cat", name: "Tom", lives: 9 };
    handler = (_req, res) => send(res, 429, { title: "slow" }, { "x-limit-reset": "30", "x-limit-scope": "pets", "x-other": "raw" });
    const error = await client.createPet({ body: pet }).then(() => assert.fail("a 429 is an ApiError"), (e: any) => e);
    assert.equal(error.name, "ApiError");
    assert.deepEqual([error.status, error.body, error.header], [429, { title: "slow" }, { "X-Limit-Reset": 30, "X-Limit-Scope": "pets" }]);
    assert.equal(error.headers.get("x-other"), "raw");
    assert.ok(mod.isApiError(error, "createPet", 429));

    handler = (_req, res) => send(res, 400, { title: "bad" }, { "x-limit-reset": "30" });
    const undeclared = await client.createPet({ body: pet }).then(() => assert.fail("a 400 is an ApiError"), (e: any) => e);
    assert.deepEqual([undeclared.status, undeclared.header], [400, {}], "the 400 declares no headers");

    handler = (_req, res) => send(res, 429, { title: "slow" }, { "x-limit-reset": "soon" });
    await assert.rejects(client.createPet({ body: pet }), { name: "ProtocolError", message: /response header X-Limit-Reset: "soon" is not an integer/ });
  });

  it("a required header that is missing, or one not of its declared type, is a ProtocolError", async () => {
    const client = new mod.Client({ baseUrl });
    const pet = { kind: "cat", name: "Tom", lives: 9 };
    handler = (_req, res) => send(res, 201, pet);
    await assert.rejects(client.createPet({ body: pet }), { name: "ProtocolError", message: /response header Location: required by the contract but missing/ });
    handler = (_req, res) => send(res, 201, pet, { location: "/pets/1", "x-rate-limit": "lots" });
    await assert.rejects(client.createPet({ body: pet }), { name: "ProtocolError", message: /response header X-Rate-Limit: "lots" is not an integer/ });
    handler = (_req, res) => send(res, 201, pet, { location: "/pets/1", "x-beta": "yes" });
    await assert.rejects(client.createPet({ body: pet }), { name: "ProtocolError", message: /X-Beta: "yes" is not a boolean/ });
  });
});
