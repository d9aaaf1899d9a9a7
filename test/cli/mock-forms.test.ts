import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import Stripe from "stripe";
import type { Report } from "../../src/report/report.js";
import { tempTree } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";
import { charterAsync, startMock, stopMock } from "../helpers/mock.js";

/** Stripe's shapes: a form body with nested objects and lists, and a `deepObject` query parameter that is an object or an integer. */
const FORMS = `openapi: 3.0.3
info: { title: Customers, version: 1.0.0, x-charter-id: customers }
paths:
  /v1/customers:
    get:
      operationId: listCustomers
      parameters:
        - name: created
          in: query
          required: true
          style: deepObject
          explode: true
          schema:
            anyOf:
              - { type: object, properties: { gt: { type: integer }, lt: { type: integer } }, additionalProperties: false }
              - { type: integer }
        - name: expand
          in: query
          style: deepObject
          explode: true
          schema: { type: array, items: { type: string, maxLength: 20 } }
      responses:
        "200":
          description: Customers.
          content: { application/json: { schema: { type: object, properties: { count: { type: integer } } } } }
        "400": { description: Refused., content: { application/problem+json: { schema: { type: object } } } }
    post:
      operationId: createCustomer
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [email]
              properties:
                email: { type: string }
                balance: { type: integer }
                taxExempt: { type: boolean }
                metadata:
                  anyOf:
                    - { type: object, additionalProperties: { type: string } }
                    - { type: string, enum: [""] }
                items:
                  type: array
                  items: { type: object, required: [price], properties: { price: { type: string }, quantity: { type: integer, minimum: 1 } } }
      responses:
        "200":
          description: The customer.
          content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } }
        "400": { description: Refused., content: { application/problem+json: { schema: { type: object } } } }
`;

describe("charter mock reads form bodies and deepObject parameters", () => {
  let mock: Awaited<ReturnType<typeof startMock>>;
  let base: string;
  const registry = tempTree({ "customers.openapi.yaml": FORMS });
  before(async () => {
    mock = await startMock(registry, [], "customers");
    base = mock.urls.get("customers")!;
  });
  after(() => stopMock(mock.child));

  const post = (form: string) => fetch(`${base}/v1/customers`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });

  it("accepts a form whose texts read as the types its schema wants, nested by brackets", async () => {
    const placed = await post("email=a%40example.com&balance=-5&taxExempt=true&metadata[plan]=pro&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2");
    assert.equal(placed.status, 200, await placed.clone().text());
    assert.equal((await post("email=a%40example.com&metadata=")).status, 200, "metadata unset with an empty string, as Stripe's clients do");
  });

  it("refuses a form that breaks its schema, naming each violation by its JSON pointer", async () => {
    const refused = await post("balance=lots&items[0][quantity]=0&items[1][quantity]=2");
    assert.equal(refused.status, 400);
    const { violations } = await refused.json();
    assert.deepEqual(violations.map((v: { pointer: string; message: string }) => `${v.pointer} ${v.message}`).sort(), [
      "/balance must be integer",
      "/email must have required property 'email'",
      "/items/0/price must have required property 'price'",
      "/items/0/quantity must be >= 1",
      "/items/1/price must have required property 'price'",
    ]);
  });

  it("reads a deepObject parameter as an object or a scalar, as its schema allows", async () => {
    assert.equal((await fetch(`${base}/v1/customers?created[gt]=5&created[lt]=9&expand[0]=data.address`)).status, 200);
    assert.equal((await fetch(`${base}/v1/customers?created=7`)).status, 200);
    const refused = await fetch(`${base}/v1/customers?created[gt]=soon&expand[0]=${"x".repeat(21)}`);
    assert.equal(refused.status, 400);
    const { violations } = await refused.json();
    assert.ok(violations.some((v: { name: string; pointer: string }) => v.name === "created" && v.pointer === "/gt"), JSON.stringify(violations));
    assert.ok(violations.some((v: { name: string; pointer: string }) => v.name === "expand" && v.pointer === "/0"), JSON.stringify(violations));
    const missing = await fetch(`${base}/v1/customers`);
    assert.match(JSON.stringify(await missing.json()), /required query parameter created is missing/);
  });

  it("is driven by verify --allow-unsafe with forms and deepObject parameters, and nothing is found", async () => {
    const run = await charterAsync(["verify", registry, "--target", `customers=${base}`, "--allow-unsafe", "--format", "json"]);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    assert.deepEqual((JSON.parse(run.stdout) as Report).findings, []);
  });
});

describe("Stripe's own Node client against charter mock of a Stripe spec", () => {
  const stripe = corpus("real-world/stripe");
  it("creates and lists customers with forms and deepObject parameters, and is refused a form that breaks the spec", { skip: stripe.skip }, async () => {
    const registry = mkdtempSync(join(tmpdir(), "charter-stripe-"));
    copyFileSync(join(stripe.dir!, "975", "revision.yaml"), join(registry, "stripe.openapi.yaml"));
    const mock = await startMock(registry);
    try {
      const url = new URL(mock.urls.get("stripe.openapi.yaml")!);
      const client = new Stripe("sk_test_charter", { host: url.hostname, port: Number(url.port), protocol: "http", telemetry: false, maxNetworkRetries: 0 });
      const customer = await client.customers.create({ email: "jenny@example.com", balance: 250, metadata: { plan: "pro" }, invoice_settings: { custom_fields: [{ name: "PO", value: "42" }] } });
      assert.equal(customer.object, "customer");
      const list = await client.customers.list({ created: { gt: 1_600_000_000 }, limit: 3, expand: ["data.default_source"] });
      assert.equal(list.object, "list");
      // A balance that is no integer: the mock refuses it as the spec's error response, which the client raises.
      const refused = await client.customers.create({ balance: "lots" as unknown as number }).then(() => undefined, (error: { statusCode?: number }) => error);
      assert.equal(refused?.statusCode, 400);
    } finally {
      await stopMock(mock.child);
    }
  });
});
