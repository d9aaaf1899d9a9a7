import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { openApiDocument } from "../../../src/contracts/openapi/document.js";
import { createSchemaSource } from "../../../src/contracts/schema-source.js";
import { compareOpenApi } from "../../../src/compat/openapi/compare.js";
import type { Change } from "../../../src/compat/finding.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

/** Loads each side in memory as the registry would, and compares them. */
function compare(before: string, after: string): Change[] {
  const load = (text: string) => {
    const schemas = createSchemaSource(new Map([["api.yaml", text]]), "");
    return { document: openApiDocument("api.yaml", schemas.source("api.yaml")!), schemas };
  };
  return compareOpenApi(load(before), load(after), { today: TODAY });
}

/** 1-based line of the first line of `text` containing `needle`, so rows need not count lines. */
const lineOf = (text: string, needle: string) => {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `"${needle}" not found`);
  return index + 1;
};

const doc = (paths: string, extra = "") => `openapi: 3.0.3
info:
  title: t
  version: "1"
${extra}paths:
${paths}`;

const getOrders = (opExtra = "", response = "type: object") => `  /orders/{id}:
    get:
${opExtra}      parameters:
        - { in: path, name: id, required: true, schema: { type: string } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                ${response}
`;

const postOrders = (schema: string, required = "") => `  /orders:
    post:
      requestBody:
        ${required}content:
          application/json:
            schema:
${schema}
      responses:
        "201": { description: created }
`;

interface Row {
  name: string;
  before: string;
  after: string;
  rule: string;
  backward: string;
  forward: string;
  /** A piece of the line (in the new version, else the old) the finding must point at. */
  line: string;
}

const orderSchema = (props: string, required = "[id]") => `              type: object
              required: ${required}
              properties:
${props}`;

const rows: Row[] = [
  {
    name: "a path removed without deprecation breaks old clients",
    before: doc(getOrders() + postOrders(orderSchema("                id: { type: string }"))),
    after: doc(postOrders(orderSchema("                id: { type: string }"))),
    rule: "api-path-removed-without-deprecation", backward: "breaking", forward: "compatible", line: "paths:",
  },
  {
    name: "an operation removed before its sunset breaks old clients",
    before: doc(getOrders(`      deprecated: true\n      x-sunset: "2099-01-01"\n`) + "    delete:\n      responses: { \"204\": { description: gone } }\n"),
    after: doc("  /orders/{id}:\n    delete:\n      responses: { \"204\": { description: gone } }\n"),
    rule: "api-removed-before-sunset", backward: "breaking", forward: "compatible", line: "/orders/{id}:",
  },
  {
    name: "an operation removed after its sunset is its agreed end",
    before: doc(getOrders(`      deprecated: true\n      x-sunset: "2024-01-01"\n`) + "    delete:\n      responses: { \"204\": { description: gone } }\n"),
    after: doc("  /orders/{id}:\n    delete:\n      responses: { \"204\": { description: gone } }\n"),
    rule: "api-removed-with-deprecation", backward: "compatible", forward: "compatible", line: "/orders/{id}:",
  },
  {
    name: "deprecating with a sunset is information",
    before: doc(getOrders()),
    after: doc(getOrders(`      deprecated: true\n      x-sunset: "2099-01-01"\n`)),
    rule: "endpoint-deprecated-with-sunset", backward: "compatible", forward: "compatible", line: "x-sunset",
  },
  {
    name: "a stable operation deprecated without a sunset leaves its clients without notice",
    before: doc(getOrders("      x-stability-level: stable\n")),
    after: doc(getOrders("      x-stability-level: stable\n      deprecated: true\n")),
    rule: "api-deprecated-sunset-missing", backward: "conditional", forward: "compatible", line: "deprecated: true",
  },
  {
    name: "a sunset moved sooner",
    before: doc(getOrders(`      deprecated: true\n      x-sunset: "2099-01-01"\n`)),
    after: doc(getOrders(`      deprecated: true\n      x-sunset: "2098-01-01"\n`)),
    rule: "api-sunset-date-changed-too-small", backward: "conditional", forward: "compatible", line: "x-sunset",
  },
  {
    name: "a new required query parameter breaks old clients, which do not send it",
    before: doc(getOrders()),
    after: doc(getOrders().replace("      responses:", "        - { in: query, name: shop, required: true, schema: { type: string } }\n      responses:")),
    rule: "new-required-request-parameter", backward: "breaking", forward: "compatible", line: "name: shop",
  },
  {
    name: "a parameter that became optional breaks new clients of old servers",
    before: doc(getOrders().replace("      responses:", "        - { in: query, name: shop, required: true, schema: { type: string } }\n      responses:")),
    after: doc(getOrders().replace("      responses:", "        - { in: query, name: shop, schema: { type: string } }\n      responses:")),
    rule: "request-parameter-became-optional", backward: "compatible", forward: "breaking", line: "name: shop",
  },
  {
    name: "a new required request property: old clients do not send it",
    before: doc(postOrders(orderSchema("                id: { type: string }"))),
    after: doc(postOrders(orderSchema("                id: { type: string }\n                note: { type: string }", "[id, note]"))),
    rule: "new-required-request-property", backward: "breaking", forward: "compatible", line: "note:",
  },
  {
    name: "a shorter maxLength in a request rejects what old clients send",
    before: doc(postOrders(orderSchema("                id: { type: string, maxLength: 20 }"))),
    after: doc(postOrders(orderSchema("                id: { type: string, maxLength: 10 }"))),
    rule: "request-property-max-length-decreased", backward: "breaking", forward: "compatible", line: "id: {",
  },
  {
    name: "a longer maxLength in a response sends old clients what they refuse",
    before: doc(getOrders("", "{ type: string, maxLength: 10 }")),
    after: doc(getOrders("", "{ type: string, maxLength: 20 }")),
    rule: "response-body-max-length-increased", backward: "breaking", forward: "compatible", line: "maxLength: 20",
  },
  {
    name: "a required response property removed: old clients miss it",
    before: doc(getOrders("", "{ type: object, required: [id], properties: { id: { type: string } } }")),
    after: doc(getOrders("", "{ type: object, properties: {} }")),
    rule: "response-required-property-removed", backward: "breaking", forward: "compatible", line: "properties: {}",
  },
  {
    name: "the only success status removed: old clients lose it, new clients meet an old server's 200 they do not expect",
    before: doc(getOrders()),
    after: doc(getOrders().replace('"200":', '"404":')),
    rule: "response-success-status-removed", backward: "breaking", forward: "breaking", line: "responses:",
  },
  {
    name: "a success status changed 201 → 200, the old half: old clients never see 201, new clients get it from old servers",
    before: doc(postOrders(orderSchema("                id: { type: string }"))),
    after: doc(postOrders(orderSchema("                id: { type: string }")).replace('"201": { description: created }', '"200": { description: ok }')),
    rule: "response-success-status-removed", backward: "breaking", forward: "breaking", line: "responses:",
  },
  {
    name: "a success status changed 201 → 200, the new half: old clients know no success answer of the new server",
    before: doc(postOrders(orderSchema("                id: { type: string }"))),
    after: doc(postOrders(orderSchema("                id: { type: string }")).replace('"201": { description: created }', '"200": { description: ok }')),
    rule: "response-success-status-added", backward: "breaking", forward: "compatible", line: '"200": { description: ok }',
  },
  {
    name: "a success status changed 200 → 204, the old half",
    before: doc(getOrders()),
    after: doc(getOrders().replace('"200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n', '"204": { description: no content }\n')),
    rule: "response-success-status-removed", backward: "breaking", forward: "breaking", line: "responses:",
  },
  {
    name: "a success status changed 200 → 204, the new half",
    before: doc(getOrders()),
    after: doc(getOrders().replace('"200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n', '"204": { description: no content }\n')),
    rule: "response-success-status-added", backward: "breaking", forward: "compatible", line: '"204"',
  },
  {
    name: "one of two success statuses removed: old clients lose it, new clients may still get it from old servers",
    before: doc(getOrders().replace('      responses:\n', '      responses:\n        "202": { description: accepted }\n')),
    after: doc(getOrders()),
    rule: "response-success-status-removed", backward: "breaking", forward: "conditional", line: "responses:",
  },
  {
    name: "a success status widened to its range 200 → 2XX: new clients handle the old server's 200 under 2XX",
    before: doc(getOrders()),
    after: doc(getOrders().replace('"200":', '"2XX":')),
    rule: "response-success-status-removed", backward: "breaking", forward: "compatible", line: "responses:",
  },
  {
    name: "a success status added beside the old one: old clients may not handle it, old servers never send it",
    before: doc(getOrders()),
    after: doc(getOrders().replace('      responses:\n', '      responses:\n        "202": { description: accepted }\n')),
    rule: "response-success-status-added", backward: "conditional", forward: "compatible", line: '"202"',
  },
  {
    name: "a request body that became required: old clients may leave it out",
    before: doc(postOrders(orderSchema("                id: { type: string }"))),
    after: doc(postOrders(orderSchema("                id: { type: string }"), "required: true\n        ")),
    rule: "request-body-became-required", backward: "breaking", forward: "compatible", line: "required: true",
  },
  {
    name: "a request media type removed: old clients still send it",
    before: doc(postOrders(orderSchema("                id: { type: string }")).replace("      responses:", "          application/xml: {}\n      responses:")),
    after: doc(postOrders(orderSchema("                id: { type: string }"))),
    rule: "request-body-media-type-removed", backward: "breaking", forward: "compatible", line: "requestBody:",
  },
  {
    name: "a scope now required: old tokens lack it",
    before: doc(getOrders("      security: [{ oauth: [read] }]\n")),
    after: doc(getOrders("      security: [{ oauth: [read, write] }]\n")),
    rule: "api-security-scope-added", backward: "breaking", forward: "compatible", line: "security:",
  },
  {
    name: "global security on an open API shuts out old clients",
    before: doc(getOrders()),
    after: doc(getOrders(), "security:\n  - key: []\n"),
    rule: "api-global-security-added", backward: "breaking", forward: "conditional", line: "- key: []",
  },
  {
    name: "a removed response header the client relied on",
    before: doc(getOrders().replace("          description: ok\n", "          description: ok\n          headers:\n            X-Rate: { required: true, schema: { type: integer } }\n")),
    after: doc(getOrders().replace("          description: ok\n", "          description: ok\n          headers: {}\n")),
    rule: "required-response-header-removed", backward: "breaking", forward: "compatible", line: "headers: {}",
  },
  {
    name: "a webhook's request is written by the server: a longer maxLength breaks old subscribers",
    before: `openapi: 3.1.0\ninfo: { title: t, version: "1" }\nwebhooks:\n  paid:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { type: string, maxLength: 10 }\n      responses: { "200": { description: ok } }\n`,
    after: `openapi: 3.1.0\ninfo: { title: t, version: "1" }\nwebhooks:\n  paid:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { type: string, maxLength: 20 }\n      responses: { "200": { description: ok } }\n`,
    rule: "request-body-max-length-increased", backward: "breaking", forward: "compatible", line: "schema:",
  },
];

describe("OpenAPI checks: rule, verdicts per direction, location", () => {
  for (const row of rows) {
    it(row.name, () => {
      const found = compare(row.before, row.after).filter((c) => c.rule === row.rule);
      assert.equal(found.length, 1, `expected one ${row.rule}, got ${found.length}`);
      const [change] = found;
      assert.deepEqual({ backward: change.backward, forward: change.forward }, { backward: row.backward, forward: row.forward });
      const inNew = row.after.includes(row.line);
      assert.equal(change.location?.line, lineOf(inNew ? row.after : row.before, row.line));
      assert.equal(change.kind, "openapi");
    });
  }
});

describe("pure refactors report nothing breaking", () => {
  const breaking = (changes: Change[]) => changes.filter((c) => c.backward === "breaking" || c.forward === "breaking");
  it("a renamed path parameter", () => {
    assert.deepEqual(compare(doc(getOrders()), doc(getOrders().replace(/\{id\}/, "{orderId}").replace("name: id", "name: orderId"))), []);
  });
  it("an inline schema moved to a component", () => {
    const inline = doc(postOrders(orderSchema("                id: { type: string }")));
    const ref = doc(postOrders("              $ref: '#/components/schemas/Order'"))
      + "components:\n  schemas:\n    Order:\n      type: object\n      required: [id]\n      properties:\n        id: { type: string }\n";
    assert.deepEqual(breaking(compare(inline, ref)), []);
  });
  it("reordered keys, operations and status codes", () => {
    const a = doc(getOrders() + postOrders(orderSchema("                id: { type: string }")));
    const b = doc(postOrders(orderSchema("                id: { type: string }")) + getOrders());
    assert.deepEqual(compare(a, b), []);
  });
});

describe("elements are semantic keys", () => {
  it("name method, path template, status, media type and property", () => {
    const [change] = compare(doc(getOrders("", "{ type: object, properties: { a: { type: string, maxLength: 1 } } }")), doc(getOrders("", "{ type: object, properties: { a: { type: string, maxLength: 2 } } }")));
    assert.equal(change.element, "GET /orders/{} 200 application/json #/a");
  });
});
