import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Report } from "../../src/report/report.js";
import { tempTree } from "../helpers/cli.js";
import { charterAsync, startMock, stopMock } from "../helpers/mock.js";

const CONTRACT = `openapi: 3.1.0
info: { title: Things, version: 1.0.0, x-charter-id: things }
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - { name: limit, in: query, required: true, schema: { type: integer, minimum: 1, maximum: 100 }, example: 10 }
        - { name: kind, in: query, schema: { type: string, enum: [small, large] } }
      responses:
        "200":
          description: Things.
          content:
            application/json:
              schema: { type: array, items: { type: string } }
        "400":
          description: A malformed request.
          content:
            application/json:
              schema: { type: object, required: [error], properties: { error: { type: string } } }
    post:
      operationId: addThing
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [name], properties: { name: { type: string } } }
      responses:
        "201": { description: Added. }
`;

/** What verify sends, in order: the same on every run. */
const SENT = [
  "GET /things?limit=10",
  "GET /things?limit=10&kind=small",
  "GET /things?limit=10&kind=large",
  "GET /things?limit=1",
  "GET /things?limit=100",
  "GET /things",
  "GET /things?limit=0",
  'POST /things {"name":"example"}',
  "POST /things {}",
];

describe("charter verify's cases: boundary values and invalid requests", () => {
  const registry = tempTree({ "things.openapi.yaml": CONTRACT });
  let server: Server;
  let base: string;
  const seen: string[] = [];
  before(async () => {
    // Broken two ways: it takes every request, and it refuses the upper bound of limit, which the contract allows.
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        seen.push(`${request.method} ${request.url!.slice(4)}${body ? ` ${body}` : ""}`);
        if (request.method === "POST") response.writeHead(201).end();
        else if (request.url!.endsWith("limit=100")) response.writeHead(400, { "content-type": "application/json" }).end('{"error":"too many"}');
        else response.writeHead(200, { "content-type": "application/json" }).end('["a"]');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the same cases in the same order, and finds an invalid request taken and a valid one refused", async () => {
    const run = await charterAsync(["verify", registry, "--target", `things=${base}`, "--allow-unsafe", "--format", "json"]);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(seen, SENT);
    const found = (JSON.parse(run.stdout) as Report).findings.map((f) => `${f.rule} ${f.message}`);
    assert.deepEqual(found, [
      "valid-request-rejected GET /things (listThings) answered 400 to a request its contract allows (limit at its maximum)",
      "invalid-request-not-rejected GET /things (listThings) answered 200 to a request its contract does not allow (query parameter limit missing), where a 4xx was due",
      "invalid-request-not-rejected GET /things (listThings) answered 200 to a request its contract does not allow (limit below its minimum), where a 4xx was due",
      "invalid-request-not-rejected POST /things (addThing) answered 201 to a request its contract does not allow (a body without its required property name), where a 4xx was due",
    ]);
  });

  it("finds nothing in charter mock of the same contract, which refuses with the contract's own 400", async () => {
    const mock = await startMock(registry);
    try {
      const url = mock.urls.get("things")!;
      const run = await charterAsync(["verify", registry, "--target", `things=${url}`, "--allow-unsafe", "--format", "json"]);
      assert.equal(run.status, 0, run.stdout);
      assert.deepEqual((JSON.parse(run.stdout) as Report).findings, []);
      const refused = await fetch(`${url}/things?limit=0`);
      assert.equal(refused.status, 400);
      assert.deepEqual(await refused.json(), { error: "example" });
    } finally {
      await stopMock(mock.child);
    }
  });
});
