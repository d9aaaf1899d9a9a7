import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { spawn, spawnSync } from "node:child_process";
import { generateOpenApiClients } from "../../src/codegen/openapi/generate.js";
import type { Snapshot } from "../../src/registry/snapshot.js";
import { ROOT } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * A generated client against a capture server on 127.0.0.1, for what goes over the wire: every
 * parameter location and style, form, multipart, binary and text bodies, responses by media type,
 * and the resilience rules that depend on them. The contract names only a relative server.
 */
const CONTRACT = `openapi: 3.1.0
info: { title: Wire Test API, version: 1.0.0, x-charter-id: wire.v1 }
servers: [{ url: /api }]
paths:
  /items/{id}/shape{coords}:
    get:
      operationId: getShape
      parameters:
        - { name: id, in: path, required: true, style: label, schema: { type: array, items: { type: integer } } }
        - { name: coords, in: path, required: true, style: matrix, explode: true, schema: { type: object, properties: { x: { type: integer }, y: { type: integer } } } }
        - { name: tags, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } } }
        - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer } } }
        - { name: filter, in: query, style: deepObject, explode: true, schema: { type: object, properties: { min: { type: integer }, owner: { type: string } } } }
        - { name: where, in: query, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
        - { name: X-Ids, in: header, schema: { type: array, items: { type: integer } } }
        - { name: session, in: cookie, required: true, schema: { type: string } }
        - { name: prefs, in: cookie, explode: false, schema: { type: array, items: { type: string } } }
      responses:
        "200": { description: OK, content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } } }
        "404": { description: Not found, content: { application/json: { schema: { $ref: "#/components/schemas/NotFound" } } } }
        "409": { description: Conflict, content: { application/json: { schema: { type: object, required: [code], properties: { code: { type: integer } } } } } }
        "4XX": { description: Client error, content: { text/plain: { schema: { type: string } } } }
  /forms:
    post:
      operationId: postForm
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                name: { type: string }
                metadata: { type: object, additionalProperties: { type: string } }
                lines: { type: array, items: { type: object, properties: { sku: { type: string }, qty: { type: integer } } } }
                labels: { type: array, items: { type: string } }
                settings: { type: object, properties: { a: { type: integer } } }
            encoding:
              metadata: { style: deepObject, explode: true }
              lines: { style: deepObject, explode: true }
              labels: { style: form, explode: false }
              settings: { contentType: application/json }
      responses: { "204": { description: Done } }
  /uploads:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: { type: string, format: binary }
                attachments: { type: array, items: { type: string, format: binary } }
                meta: { type: object, properties: { title: { type: string } } }
                note: { type: string }
                csv: { type: string }
            encoding:
              csv: { contentType: text/csv }
      responses: { "204": { description: Done } }
  /blobs/{id}:
    put:
      operationId: putBlob
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      requestBody: { required: true, content: { application/octet-stream: { schema: { type: string, format: binary } } } }
      responses: { "204": { description: Done } }
  /notes:
    post:
      operationId: postNote
      x-charter-idempotency-key: X-Request-Key
      requestBody: { required: true, content: { text/plain: { schema: { type: string } } } }
      responses: { "201": { description: Created, content: { text/plain: { schema: { type: string } } } } }
  /media:
    get:
      operationId: getMedia
      responses:
        "200":
          description: OK
          content:
            application/json: { schema: { type: object } }
            text/plain: { schema: { type: string } }
            application/octet-stream: { schema: { type: string, format: binary } }
        "204": { description: Nothing }
  /payments:
    post:
      operationId: createPayment
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { amount: { type: integer } } } } } }
      responses: { "201": { description: Created, content: { application/json: { schema: { type: object } } } } }
components:
  schemas:
    Item: { type: object, required: [id], properties: { id: { type: integer }, name: { type: string } } }
    NotFound: { type: object, required: [message], properties: { message: { type: string } } }
`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}
type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

describe("generated OpenAPI client: what goes over the wire", () => {
  let dir: string;
  let mod: any;
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;
  let seen: Seen[] = [];
  let handler: Handler = (_req, res) => json(res, 200, { id: 1 });
  const reset = (next: Handler) => {
    seen = [];
    handler = next;
  };
  const client = (options: object = {}) => new mod.Client({ baseUrl, ...options });

  before(async () => {
    const snapshot: Snapshot = { label: "wire", files: new Map([["wire.openapi.yaml", CONTRACT]]), base: "." };
    const compiled = compileSdk(await generateOpenApiClients(snapshot), "charter-wire-");
    assert.equal(compiled.output, "", compiled.output);
    dir = compiled.dir;
    mod = await import(pathToFileURL(join(dir, "wire.v1", "index.ts")).href);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
        handler(req, res, seen.length);
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("writes path, query, header and cookie parameters in their declared styles", async () => {
    reset((_req, res) => json(res, 200, { id: 1, name: "x" }));
    const result = await client().getShape({
      path: { id: [3, 4], coords: { x: 1, y: 2 } },
      query: { tags: ["a b", "c"], ids: [1, 2], filter: { min: 5, owner: "me&you" }, where: { name: "Zoë" } },
      header: { "X-Ids": [7, 8] },
      cookie: { session: "s 1;x", prefs: ["dark", "wide"] },
    });
    assert.deepEqual(result.body, { id: 1, name: "x" });
    const where = encodeURIComponent(JSON.stringify({ name: "Zoë" }));
    assert.equal(seen[0].url, `/api/items/.3,4/shape;x=1;y=2?tags=a%20b|c&ids=1,2&filter[min]=5&filter[owner]=me%26you&where=${where}`);
    assert.equal(seen[0].headers["x-ids"], "7,8");
    assert.equal(seen[0].headers.cookie, "session=s%201%3Bx; prefs=dark,wide");
  });

  it("writes a form body as its Encoding Object says", async () => {
    reset((_req, res) => void res.writeHead(204).end());
    const body = { name: "n", metadata: { order_id: "6735" }, lines: [{ sku: "a", qty: 2 }], labels: ["x", "y"], settings: { a: 1 } };
    assert.equal((await client().postForm({ body })).status, 204);
    assert.equal(seen[0].headers["content-type"], "application/x-www-form-urlencoded");
    assert.equal(seen[0].body.toString(), `name=n&metadata[order_id]=6735&lines[0][sku]=a&lines[0][qty]=2&labels=x,y&settings=${encodeURIComponent('{"a":1}')}`);
  });

  it("sends multipart with a file, an array of files, a JSON part and per-part content types", async () => {
    reset((_req, res) => void res.writeHead(204).end());
    await client().upload({
      body: {
        file: new File(["hello"], "hello.txt", { type: "text/plain" }),
        attachments: [new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), new File(["b"], "b.bin")],
        meta: { title: "T" },
        note: "plain",
        csv: "a,b\n1,2",
      },
    });
    // Decoded by undici's multipart parser, as a server would.
    const form = await new Response(new Uint8Array(seen[0].body), { headers: { "content-type": String(seen[0].headers["content-type"]) } }).formData();
    const file = form.get("file") as File;
    assert.equal(file.name, "hello.txt");
    assert.equal(file.type, "text/plain");
    assert.equal(await file.text(), "hello");
    const attachments = form.getAll("attachments") as File[];
    assert.equal(attachments.length, 2);
    assert.equal(attachments[0].type, "image/png");
    assert.deepEqual([...new Uint8Array(await attachments[0].arrayBuffer())], [1, 2, 3]);
    assert.equal(attachments[1].name, "b.bin");
    const meta = form.get("meta") as File;
    assert.equal(meta.type, "application/json");
    assert.deepEqual(JSON.parse(await meta.text()), { title: "T" });
    assert.equal(form.get("note"), "plain");
    const csv = form.get("csv") as File;
    assert.equal(csv.type, "text/csv");
    assert.equal(await csv.text(), "a,b\n1,2");
  });

  it("sends octet-stream and text bodies as they are", async () => {
    reset((req, res) => (req.method === "PUT" ? void res.writeHead(204).end() : (res.writeHead(201, { "content-type": "text/plain" }), res.end("noted"))));
    await client().putBlob({ path: { id: "b1" }, body: new Blob([new Uint8Array([0, 255, 10])]) });
    assert.equal(seen[0].headers["content-type"], "application/octet-stream");
    assert.deepEqual([...seen[0].body], [0, 255, 10]);
    const note = await client().postNote({ body: "a note {not json}" });
    assert.equal(seen[1].headers["content-type"], "text/plain");
    assert.equal(seen[1].body.toString(), "a note {not json}");
    assert.equal(note.body, "noted");
  });

  it("reads responses by media type: JSON, text, binary and empty", async () => {
    const answers: [string | undefined, number, Uint8Array | string][] = [
      ["application/json; charset=utf-8", 200, '{"a":1}'],
      ["text/plain", 200, "plain text"],
      ["application/octet-stream", 200, new Uint8Array([9, 8, 7])],
      [undefined, 204, ""],
    ];
    reset((_req, res, n) => {
      const [type, status, body] = answers[n - 1];
      res.writeHead(status, type ? { "content-type": type } : {});
      res.end(body);
    });
    assert.deepEqual((await client().getMedia()).body, { a: 1 });
    assert.equal((await client().getMedia()).body, "plain text");
    const binary = (await client().getMedia()).body;
    assert.ok(binary instanceof Blob);
    assert.equal(binary.type, "application/octet-stream");
    assert.deepEqual([...new Uint8Array(await binary.arrayBuffer())], [9, 8, 7]);
    const empty = await client().getMedia();
    assert.deepEqual([empty.status, empty.body], [204, undefined]);
  });

  it("a response that breaks its declared media type is a ProtocolError: not retried, not counted by the breaker", async () => {
    reset((_req, res, n) => {
      res.writeHead(200, { "content-type": n % 2 ? "text/html" : "application/json" });
      res.end(n % 2 ? "<html>" : "{broken");
    });
    const c = client({ breaker: { failures: 1 } });
    await assert.rejects(c.getShape({ path: { id: [1], coords: {} }, cookie: { session: "s" } }), { name: "ProtocolError", status: 200 });
    await assert.rejects(c.getShape({ path: { id: [1], coords: {} }, cookie: { session: "s" } }), (error: Error) => error.name === "ProtocolError" && /does not parse/.test(error.message));
    assert.equal(seen.length, 2, "each sent once: a GET would be retried after a network failure");
    handler = (_req, res) => json(res, 200, { id: 2 });
    assert.equal((await c.getShape({ path: { id: [1], coords: {} }, cookie: { session: "s" } })).body.id, 2, "the breaker stayed closed");
  });

  it("does not wait for a Retry-After beyond the policy's cap, and waits for a short one", async () => {
    reset((_req, res) => json(res, 503, {}, { "retry-after": "120" }));
    await assert.rejects(client().getMedia(), { name: "ApiError", status: 503 });
    assert.equal(seen.length, 1, "Retry-After: 120 exceeds the 10 s default cap: the 503 is returned at once");
    reset((_req, res, n) => (n === 1 ? json(res, 503, {}, { "retry-after": "1" }) : json(res, 200, {})));
    await assert.rejects(client({ maxRetryAfterMs: 500 }).getMedia(), { name: "ApiError", status: 503 });
    assert.equal(seen.length, 1, "a cap set by the caller");
    reset((_req, res, n) => (n === 1 ? json(res, 503, {}, { "retry-after": "0" }) : json(res, 200, {})));
    assert.equal((await client().getMedia()).status, 200);
    assert.equal(seen.length, 2);
  });

  it("the breaker counts failed calls, not attempts, per operation by default", async () => {
    reset((req, res) => (req.url?.startsWith("/api/media") ? json(res, 503, {}, { "retry-after": "0" }) : json(res, 201, {})));
    const c = client({ breaker: { failures: 2, resetMs: 60_000 } });
    await assert.rejects(c.getMedia(), { status: 503 });
    assert.equal(seen.length, 3, "one call, three attempts");
    await assert.rejects(c.getMedia(), { status: 503 });
    assert.equal(seen.length, 6, "one failed call does not open a breaker that needs two");
    await assert.rejects(c.getMedia(), { name: "CircuitOpenError" });
    assert.equal(seen.length, 6);
    assert.equal((await c.createPayment({ body: { amount: 1 } })).status, 201, "another operation's breaker is closed");

    const shared = client({ breaker: { failures: 1, resetMs: 60_000, scope: "client" } });
    await assert.rejects(shared.getMedia(), { status: 503 });
    await assert.rejects(shared.createPayment({ body: { amount: 1 } }), { name: "CircuitOpenError" });
  });

  it("a caller's idempotency key is sent and makes a POST retryable", async () => {
    reset((_req, res, n) => (n < 3 ? json(res, 503, {}, { "retry-after": "0" }) : json(res, 201, {})));
    assert.equal((await client().createPayment({ body: { amount: 5 } }, { idempotencyKey: "pay-42" })).status, 201);
    assert.deepEqual(seen.map((s) => s.headers["idempotency-key"]), ["pay-42", "pay-42", "pay-42"]);

    reset((_req, res) => json(res, 503, {}, { "retry-after": "0" }));
    await assert.rejects(client().createPayment({ body: { amount: 5 } }), { status: 503 });
    assert.equal(seen.length, 1, "without a key a POST is sent once");
    assert.equal(seen[0].headers["idempotency-key"], undefined);

    reset((_req, res) => (res.writeHead(201, { "content-type": "text/plain" }), res.end("ok")));
    await client().postNote({ body: "n" }, { idempotencyKey: "note-1" });
    assert.equal(seen[0].headers["x-request-key"], "note-1", "in the header the contract names");
    assert.equal(seen[0].headers["idempotency-key"], undefined);
  });

  it("type checks: baseUrl required, typed errors through isApiError with no cast, wrong statuses and fields rejected", () => {
    writeFileSync(
      join(dir, "wire.v1", "usage.ts"),
      `import { Client, isApiError } from "./index.js";

// @ts-expect-error the contract names no absolute server: baseUrl is required
new Client();
const client = new Client({ baseUrl: "http://127.0.0.1:1/api" });

export async function use(): Promise<string> {
  try {
    const { body } = await client.getShape({ path: { id: [1], coords: { x: 1 } }, cookie: { session: "s" } });
    return body.name ?? String(body.id);
  } catch (error) {
    if (isApiError(error, "getShape", 404)) return error.body.message;
    if (isApiError(error, "getShape", 409)) {
      const code: number = error.body.code;
      // @ts-expect-error the 409 body has no message
      return error.body.message + code;
    }
    if (isApiError(error, "getShape", "4XX")) return error.body.toUpperCase();
    // @ts-expect-error 418 is not a declared status of getShape
    if (isApiError(error, "getShape", 418)) return "teapot";
    // @ts-expect-error no such operation
    if (isApiError(error, "getNothing", 404)) return "";
    const status: 404 = isApiError(error, "getShape", 404) ? error.status : 404;
    return String(status);
  }
}
`,
    );
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir, "--pretty", "false"], { encoding: "utf8" });
    assert.equal(run.stdout + run.stderr, "");
    assert.equal(run.status, 0);
  });

  it("isApiError narrows at run time by operation and the status's response key", async () => {
    reset((_req, res, n) => (n === 1 ? json(res, 404, { message: "gone" }) : (res.writeHead(418, { "content-type": "text/plain" }), res.end("teapot"))));
    const call = () => client().getShape({ path: { id: [1], coords: {} }, cookie: { session: "s" } });
    const notFound = await call().catch((e: unknown) => e);
    assert.equal(mod.isApiError(notFound, "getShape", 404), true);
    assert.equal(mod.isApiError(notFound, "getShape", "4XX"), false, "404 has its own key");
    assert.equal(mod.isApiError(notFound, "getMedia", 404), false);
    const teapot = await call().catch((e: unknown) => e);
    assert.equal(mod.isApiError(teapot, "getShape", "4XX"), true);
    assert.equal(teapot.body, "teapot");
  });

  it("a plain JavaScript project imports the package built by its own tsconfig (dist/ with declarations)", async () => {
    const pkg = join(dir, "wire.v1");
    const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    assert.equal(manifest.main, "dist/index.js");
    assert.equal(manifest.types, "dist/index.d.ts");
    assert.equal(manifest.scripts.prepare, "tsc -p .");
    assert.equal(manifest.dependencies["@charter/runtime"], "file:../charter-runtime");
    // compileSdk built charter-runtime/ by its own tsconfig and linked it into wire.v1/node_modules, as npm does a `file:` dependency.
    assert.match(readFileSync(join(dir, "charter-runtime", "dist", "index.d.ts"), "utf8"), /traceparent/);
    const build = spawnSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", pkg, "--pretty", "false"], { encoding: "utf8" });
    assert.equal(build.stdout + build.stderr, "");
    assert.ok(readFileSync(join(pkg, "dist", "client.d.ts"), "utf8").includes("isApiError"));
    assert.match(readFileSync(join(pkg, "dist", "client.js"), "utf8"), /from "@charter\/runtime\/http";/, "imported, not copied");

    const app = join(dir, "app");
    mkdirSync(join(app, "node_modules"), { recursive: true });
    symlinkSync(pkg, join(app, "node_modules", "wire.v1"), "dir");
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", type: "module", private: true }));
    writeFileSync(
      join(app, "main.js"),
      `import { Client, isApiError } from "wire.v1";
const client = new Client({ baseUrl: process.argv[2] });
const { body } = await client.getMedia({}, { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" });
const failed = await client.getShape({ path: { id: [1], coords: {} }, cookie: { session: "s" } }).catch((e) => e);
console.log(JSON.stringify({ body, notFound: isApiError(failed, "getShape", 404) && failed.body.message }));
`,
    );
    reset((req, res) => (req.url?.startsWith("/api/media") ? json(res, 200, { plain: "js" }) : json(res, 404, { message: "gone" })));
    // Plain node, no TypeScript loader: only the built JavaScript can run. Asynchronous, as the
    // capture server runs in this process.
    const child = spawn(process.execPath, [join(app, "main.js"), baseUrl], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    const [code] = (await once(child, "close")) as [number];
    assert.equal(code, 0, out);
    assert.deepEqual(JSON.parse(out), { body: { plain: "js" }, notFound: "gone" });
    assert.match(String(seen[0].headers.traceparent), /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/, "the shared runtime's traceparent, from plain JavaScript");
  });

  it("names a package after x-charter-id, else the title, else the file name, never its extension", async () => {
    const spec = (info: string) => `openapi: 3.1.0\ninfo: { ${info} version: 1.0.0 }\npaths: {}\n`;
    const folders = async (path: string, text: string) =>
      [...new Set([...(await generateOpenApiClients({ label: "names", files: new Map([[path, text]]), base: "." })).keys()].map((f) => f.split("/")[0]))].filter((folder) => folder !== "charter-runtime");
    assert.deepEqual(await folders("specs/stripe-spec3.yaml", spec("title: Stripe API,")), ["stripe-api"]);
    assert.deepEqual(await folders("specs/stripe-spec3.yaml", spec("title: Stripe API, x-charter-id: com.stripe.v1,")), ["com.stripe.v1"]);
    assert.deepEqual(await folders("specs/stripe-spec3.yaml", spec('title: "***",')), ["stripe-spec3"]);
  });
});
