import assert from "node:assert/strict";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import qs from "qs";
import Stripe from "stripe";
import { generateOpenApiClients } from "../../src/codegen/openapi/generate.js";
import { corpus } from "../helpers/corpus.js";
import { compileSdk } from "../helpers/sdk.js";

/**
 * The SDK generated from a published Stripe spec, and Stripe's official Node client, make the same
 * calls against one capture server on 127.0.0.1; what each sent is decoded the way a server does
 * (qs, which reads the bracket notation) and must equal the input and each other; the bytes sent
 * are compared too. The inputs hold
 * what Stripe encodes specially: form bodies with nested objects, arrays of objects and metadata
 * maps; deepObject queries (`created[gte]`, `expand[0]`).
 */
const found = corpus("real-world/stripe");

interface Captured {
  method: string;
  path: string;
  query: unknown;
  body: unknown;
  raw: string;
  contentType: string | undefined;
}

/** The input as a form-decoding server sees it: every leaf a string. */
function asSent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asSent);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSent(v)]));
  return String(value);
}

const CUSTOMER = {
  email: "jenny.rosen@example.com",
  name: "Jenny Rosen & Co",
  metadata: { order_id: "6735", "campaign name": "winter [2024]" },
  address: { line1: "1 Main St", city: "Berlin", country: "DE" },
  tax_id_data: [
    { type: "eu_vat", value: "DE123456789" },
    { type: "eu_vat", value: "DE987654321" },
  ],
  invoice_settings: { custom_fields: [{ name: "PO", value: "42/A" }], footer: "Thanks!" },
  preferred_locales: ["de", "en"],
  expand: ["tax_ids"],
};

const LIST = { created: { gte: 1_690_000_000, lt: 1_700_000_000 }, email: "jenny+1@example.com", limit: 3, expand: ["data.default_source", "data.tax_ids"] };

describe("the Stripe SDK generated from Stripe's spec sends what Stripe's own client sends", { skip: found.skip }, () => {
  let captured: Captured[] = [];
  let server: ReturnType<typeof createServer>;
  let port: number;
  // The generated module, typed loosely: the test drives it like a user but is compiled apart from it.
  let sdk: any;

  before(async () => {
    // 2020-05 (N=1025): 355 operations, 772 deepObject parameters and encodings; tax_id_data included.
    const text = readFileSync(join(found.dir!, "1025", "revision.yaml"), "utf8");
    const files = await generateOpenApiClients({ label: "stripe", files: new Map([["stripe.yaml", text]]), base: "." });
    const compiled = compileSdk(files, "charter-stripe-");
    assert.equal(compiled.output, "", compiled.output);
    const folder = [...files.keys()].find((path) => path.endsWith("/client.ts"))!.split("/")[0];
    sdk = await import(pathToFileURL(join(compiled.dir, folder, "index.ts")).href);

    server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        captured.push({
          method: req.method ?? "",
          path: url.pathname,
          query: qs.parse(url.search.slice(1)),
          body: qs.parse(body),
          raw: `${url.search} ${body}`,
          contentType: req.headers["content-type"],
        });
        res.writeHead(200, { "content-type": "application/json", "request-id": "req_1" });
        res.end(JSON.stringify(url.pathname.endsWith("/customers") && req.method === "GET" ? { object: "list", data: [], has_more: false, url: "/v1/customers" } : { id: "cus_1", object: "customer" }));
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    port = (server.address() as AddressInfo).port;
  });

  after(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const official = () => new Stripe("sk_test_capture", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
  const generated = () => new sdk.Client({ baseUrl: `http://127.0.0.1:${port}`, auth: ({ headers }: { headers: Headers }) => headers.set("authorization", "Bearer sk_test_capture") });

  /** Runs one call with each client and returns what each sent. */
  async function both(viaGenerated: () => Promise<unknown>, viaOfficial: () => Promise<unknown>): Promise<[Captured, Captured]> {
    captured = [];
    await viaGenerated();
    await viaOfficial();
    assert.equal(captured.length, 2);
    return [captured[0], captured[1]];
  }

  it("a form body with nested objects, arrays of objects and a metadata map", async () => {
    const [ours, theirs] = await both(
      () => generated().postCustomers({ body: CUSTOMER }),
      () => official().customers.create(CUSTOMER as Stripe.CustomerCreateParams),
    );
    assert.equal(ours.method, "POST");
    assert.equal(ours.path, "/v1/customers");
    assert.match(ours.contentType ?? "", /^application\/x-www-form-urlencoded/);
    assert.deepEqual(ours.body, asSent(CUSTOMER));
    assert.deepEqual(ours.body, theirs.body);
    assert.deepEqual([ours.method, ours.path], [theirs.method, theirs.path]);
    assert.equal(ours.raw, theirs.raw, "byte for byte");
  });

  it("deepObject queries: a range object and an expand array", async () => {
    const [ours, theirs] = await both(
      () => generated().getCustomers({ query: LIST }),
      () => official().customers.list(LIST),
    );
    assert.equal(ours.path, "/v1/customers");
    assert.deepEqual(ours.query, asSent(LIST));
    assert.deepEqual(ours.query, theirs.query);
    assert.equal(ours.raw, theirs.raw, "byte for byte");
  });

  it("a path parameter with a deepObject query", async () => {
    const [ours, theirs] = await both(
      () => generated().getCustomersCustomer({ path: { customer: "cus_1" }, query: { expand: ["default_source"] } }),
      () => official().customers.retrieve("cus_1", { expand: ["default_source"] }),
    );
    assert.equal(ours.path, "/v1/customers/cus_1");
    assert.deepEqual(ours.query, { expand: ["default_source"] });
    assert.deepEqual([ours.path, ours.query], [theirs.path, theirs.query]);
    assert.equal(ours.raw, theirs.raw, "byte for byte");
  });

  it("an update with nested arrays and metadata", async () => {
    const update = { metadata: { order_id: "6736", cleared: "" }, invoice_settings: { custom_fields: [{ name: "Ref", value: "x=y&z" }] } };
    const [ours, theirs] = await both(
      () => generated().postCustomersCustomer({ path: { customer: "cus_1" }, body: update }),
      () => official().customers.update("cus_1", update),
    );
    assert.equal(ours.path, "/v1/customers/cus_1");
    assert.deepEqual(ours.body, asSent(update));
    assert.deepEqual(ours.body, theirs.body);
    assert.equal(ours.raw, theirs.raw, "byte for byte");
  });
});
