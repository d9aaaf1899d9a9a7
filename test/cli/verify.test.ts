import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import type { Report } from "../../src/report/report.js";
import { ROOT, tempTree } from "../helpers/cli.js";
import { charterAsync, startMock, stopMock } from "../helpers/mock.js";
import { corpus } from "../helpers/corpus.js";
import { validateSarif } from "../report/sarif-schema.js";
import { assertWellFormedXml } from "../report/xml.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

describe("charter verify against charter mock of the example registry", () => {
  let mock: { child: ChildProcess; urls: Map<string, string> };
  let base: string;
  before(async () => {
    mock = await startMock("contracts");
    base = mock.urls.get("shop.orders.v1")!;
  });
  after(() => stopMock(mock.child));

  it("finds nothing, unsafe operations included, in a report that validates", async () => {
    const run = await charterAsync(["verify", "contracts", "--target", `shop.orders.v1=${base}`, "--allow-unsafe", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr);
    const report: Report = JSON.parse(run.stdout);
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.against, [base]);
    assert.equal(report.summary.contracts, 1);
  });

  it("answers with bodies that a validator compiled apart from the mock's accepts", async () => {
    // The contract's own document, its $refs left to ajv: nothing of charter's bundling or validators.
    const document = parse(readFileSync(join(ROOT, "contracts/orders/orders.openapi.yaml"), "utf8"));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...document, $id: "orders" });
    const order = ajv.compile({ $ref: "orders#/components/schemas/Order" });
    const read = await fetch(`${base}/orders/o-1?include=items`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get("content-type"), "application/json");
    const body = await read.json();
    assert.ok(order(body), JSON.stringify(order.errors));
    const placed = await fetch(`${base}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k-1" },
      body: JSON.stringify({ userId: "u-1", items: [{ itemId: "i-1", quantity: 2 }], currency: "EUR" }),
    });
    assert.equal(placed.status, 201);
    assert.ok(order(await placed.json()), JSON.stringify(order.errors));
  });

  it("answers an invalid request with a 400 naming each violation and its JSON pointer", async () => {
    const placed = await fetch(`${base}/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "u-1", items: [{ itemId: "i-1", quantity: 0 }], currency: "eur" }),
    });
    assert.equal(placed.status, 400);
    assert.equal(placed.headers.get("content-type"), "application/problem+json");
    const problem = await placed.json();
    assert.equal(problem.operation, "POST /orders (createOrder)");
    const found = problem.violations.map((v: { in: string; name?: string; pointer: string }) => `${v.in} ${v.name ?? ""} ${v.pointer}`);
    assert.deepEqual(found.sort(), ["body  /currency", "body  /items/0/quantity", "header Idempotency-Key "]);
    assert.match(problem.detail, /body at \/items\/0\/quantity: must be >= 1/);
    const query = await fetch(`${base}/orders/o-1?include=everything`);
    assert.equal(query.status, 400);
    assert.deepEqual((await query.json()).violations, [{ in: "query", name: "include", pointer: "", message: "must be equal to one of the allowed values" }]);
  });

  it("holds an idempotency key to the request it first came with, answering a reuse with the contract's 409", async () => {
    const place = (quantity: number) =>
      fetch(`${base}/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "k-reused" },
        body: JSON.stringify({ userId: "u-1", items: [{ itemId: "i-1", quantity }], currency: "EUR" }),
      });
    assert.equal((await place(1)).status, 201);
    assert.equal((await place(1)).status, 201, "a retry of the same request");
    const reused = await place(2);
    assert.equal(reused.status, 409);
    assert.equal(await reused.text(), "", "the contract's 409 has no body");
  });

  it("answers a path it does not serve with 404, and a method it does not serve with 405", async () => {
    assert.equal((await fetch(`${base}/nowhere`)).status, 404);
    const wrong = await fetch(`${base}/orders/o-1`, { method: "DELETE" });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get("allow"), "GET");
  });
});

const KEYED = `openapi: 3.1.0
info: { title: Notes, version: 1.0.0 }
paths:
  /notes:
    post:
      operationId: addNote
      x-charter-idempotency-key: true
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [text], properties: { text: { type: string } } }
      responses:
        "201": { description: Added. }
        "400":
          description: Refused.
          content: { application/problem+json: { schema: { type: object } } }
`;

describe("charter mock of an operation whose idempotency key x-charter-idempotency-key names", () => {
  it("refuses a request without it (400) and a reuse with another body (422), and verify --allow-unsafe finds nothing", async () => {
    const registry = tempTree({ "notes.openapi.yaml": KEYED });
    const mock = await startMock(registry);
    try {
      const url = `${[...mock.urls.values()][0]}/notes`;
      const add = (text: string, key?: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) }, body: JSON.stringify({ text }) });
      const missing = await add("a");
      assert.equal(missing.status, 400);
      assert.deepEqual((await missing.json()).violations, [{ in: "header", name: "Idempotency-Key", pointer: "", message: "required idempotency key header Idempotency-Key is missing" }]);
      assert.equal((await add("a", "k-1")).status, 201);
      assert.equal((await add("a", "k-1")).status, 201);
      const reused = await add("b", "k-1");
      assert.equal(reused.status, 422);
      assert.match((await reused.json()).detail, /^POST \/notes \(addNote\): the Idempotency-Key "k-1" came before with another request$/);
      // Each of verify's requests carries a key of its own, made from the request.
      const run = await charterAsync(["verify", registry, "--target", `notes.openapi.yaml=${[...mock.urls.values()][0]}`, "--allow-unsafe", "--format", "json"]);
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.deepEqual((JSON.parse(run.stdout) as Report).findings, []);
    } finally {
      await stopMock(mock.child);
    }
  });
});

describe("charter mock's injected faults", () => {
  it("answers with the error status and Retry-After asked for, after the latency asked for", async () => {
    const mock = await startMock("contracts", ["--error-rate", "1", "--error-status", "429", "--retry-after", "7", "--latency", "5"]);
    try {
      const answer = await fetch(`${mock.urls.get("shop.orders.v1")}/orders/o-1`);
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get("retry-after"), "7");
    } finally {
      await stopMock(mock.child);
    }
  });

  it("refuses an error rate outside 0 to 1 with one line and exit 2", async () => {
    const run = await charterAsync(["mock", "contracts", "--port", "0", "--error-rate", "2"]);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, "charter: --error-rate must be between 0 and 1, not 2\n");
  });
});

const BROKEN_CONTRACT = `openapi: 3.0.3
info: { title: Widgets, version: 1.0.0, x-charter-id: widgets }
paths:
  /widgets/{id}:
    get:
      operationId: getWidget
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        "200":
          description: A widget.
          headers:
            X-Rate-Limit: { required: true, schema: { type: integer } }
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Widget" }
  /widgets:
    get:
      operationId: listWidgets
      responses:
        "200":
          description: Widgets.
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Widget" } }
  /health:
    get:
      operationId: health
      responses:
        "200": { description: Up. }
components:
  schemas:
    Widget:
      type: object
      required: [id, count]
      properties:
        id: { type: string }
        count: { type: integer, minimum: 0, exclusiveMinimum: true }
`;

describe("charter verify against a broken service", () => {
  let server: Server;
  let base: string;
  const registry = tempTree({ "widgets.openapi.yaml": BROKEN_CONTRACT });
  before(async () => {
    // Each operation broken one way: a missing required property and header, a wrong type, an undeclared status.
    server = createServer((request, response) => {
      if (request.url?.startsWith("/api/widgets/")) {
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "w-1" }));
      } else if (request.url === "/api/widgets") {
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify([{ id: "w-1", count: 0 }, { id: "w-2", count: "three" }]));
      } else {
        response.writeHead(503).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("finds each break with its operation and JSON pointer, and exits 1", async () => {
    const out = mkdtempSync(join(tmpdir(), "charter-verify-"));
    const [sarif, junit] = [join(out, "verify.sarif"), join(out, "verify.xml")];
    const run = await charterAsync(["verify", registry, "--target", `widgets=${base}`, "--format", "json", "--format", `sarif=${sarif}`, "--format", `junit=${junit}`]);
    assert.equal(run.status, 1, run.stderr);
    const report: Report = JSON.parse(run.stdout);
    assert.ok(validateReport(report), JSON.stringify(validateReport.errors));
    const found = report.findings.map((f) => `${f.category} ${f.rule} ${f.message}`);
    assert.deepEqual(found, [
      "verify response-header-missing GET /widgets/{id} (getWidget) answered 200 without the required header X-Rate-Limit",
      'verify response-body-invalid GET /widgets/{id} (getWidget) answered 200 with a body that breaks its schema at "/count": must have required property \'count\'',
      // OpenAPI 3.0's boolean exclusiveMinimum, read as the bound it is.
      'verify response-body-invalid GET /widgets (listWidgets) answered 200 with a body that breaks its schema at "/0/count": must be > 0',
      'verify response-body-invalid GET /widgets (listWidgets) answered 200 with a body that breaks its schema at "/1/count": must be integer',
      "verify response-status-undeclared GET /health (health) answered 503, a status it does not declare (declared: 200)",
    ]);
    assert.ok(report.findings.every((f) => f.location?.file.endsWith("widgets.openapi.yaml")));
    const log: { runs: { results: { ruleId: string }[] }[] } = JSON.parse(readFileSync(sarif, "utf8"));
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors));
    const results = log.runs[0].results.map((r) => r.ruleId);
    assert.deepEqual(results, ["response-header-missing", "response-body-invalid", "response-body-invalid", "response-body-invalid", "response-status-undeclared"]);
    const xml = readFileSync(junit, "utf8");
    assertWellFormedXml(xml);
    assert.equal(xml.match(/<failure /g)?.length, 5);
  });

  it("finds nothing in charter mock of the same contract, required header and 3.0 bounds included", async () => {
    const mock = await startMock(registry);
    try {
      const run = await charterAsync(["verify", registry, "--target", `widgets=${mock.urls.get("widgets")}`]);
      assert.equal(run.status, 0, run.stdout);
      assert.match(run.stdout, /^passed: 1 contract, 0 errors/m);
    } finally {
      await stopMock(mock.child);
    }
  });

  it("refuses a target that names no contract, and one it cannot reach, with one line and exit 2", async () => {
    const typo = await charterAsync(["verify", registry, "--target", `widget=${base}`]);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /^charter: --target widget=\S+: no OpenAPI, proto or AsyncAPI contract "widget"; did you mean widgets\? \(contracts: widgets\)\n$/);
    // A port that was free a moment ago: nothing listens there.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const port = (spare.address() as { port: number }).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const closed = await charterAsync(["verify", registry, "--target", `widgets=http://127.0.0.1:${port}/api`]);
    assert.equal(closed.status, 2);
    assert.equal(closed.stderr, `charter: GET /widgets/{id} (getWidget): cannot reach GET http://127.0.0.1:${port}/api/widgets/example: ECONNREFUSED\n`);
  });
});

describe("charter mock of a contract whose example breaks its schema", () => {
  it("sends the example, warns once on stderr, and verify finds it", async () => {
    const registry = tempTree({
      "gauge.openapi.yaml": `openapi: 3.1.0
info: { title: Gauge, version: 1.0.0, x-charter-id: gauge }
paths:
  /gauge:
    get:
      operationId: readGauge
      responses:
        "200":
          description: The reading.
          content:
            application/json:
              schema: { type: object, required: [level], properties: { level: { type: integer } } }
              example: { level: high }
`,
    });
    const mock = await startMock(registry);
    let stderr = "";
    mock.child.stderr!.on("data", (chunk) => (stderr += chunk));
    try {
      const run = await charterAsync(["verify", registry, "--target", `gauge=${mock.urls.get("gauge")}`]);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /response-body-invalid GET \/gauge \(readGauge\) answered 200 with a body that breaks its schema at "\/level": must be integer/);
      await charterAsync(["verify", registry, "--target", `gauge=${mock.urls.get("gauge")}`]);
    } finally {
      await stopMock(mock.child);
    }
    assert.equal(stderr, 'charter mock: warning: GET /gauge (readGauge): the 200 body the mock sends breaks its schema at "/level": must be integer\n');
  });
});

describe("charter verify against charter mock of a Stripe spec", () => {
  // 2020's spec: the 2023 ones have patterns (`^/v1/tax/calculations/[^/]+/line_items`) that the
  // docs' example synthesiser cannot meet, so the mock serves three invalid bodies there (and warns).
  const stripe = corpus("real-world/stripe");
  it("finds nothing", { skip: stripe.skip }, async () => {
    const registry = mkdtempSync(join(tmpdir(), "charter-stripe-"));
    copyFileSync(join(stripe.dir!, "975", "revision.yaml"), join(registry, "stripe.openapi.yaml"));
    const mock = await startMock(registry);
    try {
      const run = await charterAsync(["verify", registry, "--target", `stripe.openapi.yaml=${mock.urls.get("stripe.openapi.yaml")}`, "--format", "json"]);
      assert.equal(run.status, 0, run.stdout.slice(0, 2000));
      const report: Report = JSON.parse(run.stdout);
      assert.deepEqual(report.findings, []);
      assert.match(run.stderr, /unsafe operations not sent/);
    } finally {
      await stopMock(mock.child);
    }
  });
});
