import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintTable } from "./helpers.js";

/** An OpenAPI document with the given paths (indented as under `paths:`) and extra root lines. */
const api = (paths: string, root = "") => `openapi: 3.1.0\ninfo: { title: Orders, version: 1.0.0 }\n${root}paths:\n${paths}`;
const GET = (extra = "") => `  /orders:\n    get:\n      operationId: listOrders\n${extra}      responses: { "200": { description: OK } }\n`;
const file = (text: string) => ({ "orders.openapi.yaml": text });

describe("OpenAPI rules", () => {
  lintTable([
    { name: "operation-operationId-unique: across paths, at the second use", files: file(api(`${GET()}  /items:\n    get:\n      operationId: listOrders\n      responses: { "200": { description: OK } }\n`)), rule: "operation-operationId-unique", count: 1, line: 10, message: /already used by GET \/orders/ },
    { name: "operation-error-response: a default response counts", files: file(api(GET('      responses: { "200": { description: OK }, default: { description: Error } }\n').replace(/      responses: \{ "200": \{ description: OK \} \}\n$/, ""))), rule: "operation-error-response", count: 0 },
    { name: "operation-error-response: a 5XX range counts", files: file(api(`  /orders:\n    get:\n      responses: { "200": { description: OK }, "5XX": { description: Down } }\n`)), rule: "operation-error-response", count: 0 },
    { name: "operation-error-response: success only", files: file(api(GET())), rule: "operation-error-response", count: 1, line: 7 },
    { name: "operation-timeout: a document-wide default", files: file(api(GET(), "x-charter-timeout: 3000\n")), rule: "operation-timeout", count: 0 },
    { name: "operation-timeout: on the path item", files: file(api(`  /orders:\n    x-charter-timeout: 1s\n    get:\n      responses: { "200": { description: OK } }\n`)), rule: "operation-timeout", count: 0 },
    { name: "operation-timeout: a malformed value, at the value", files: file(api(GET("      x-charter-timeout: soon\n"))), rule: "operation-timeout", count: 1, line: 7, message: /not a positive number/ },
    { name: "operation-idempotency-key: GET needs none", files: file(api(GET())), rule: "operation-idempotency-key", count: 0 },
    { name: "operation-idempotency-key: PATCH without one", files: file(api(`  /orders/{id}:\n    patch:\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { "200": { description: OK } }\n`)), rule: "operation-idempotency-key", count: 1, message: /PATCH \/orders\/\{id\}/ },
    { name: "operation-idempotency-key: x-charter-idempotency-key names the header", files: file(api(`  /orders:\n    post:\n      x-charter-idempotency-key: X-Request-Id\n      responses: { "201": { description: OK } }\n`)), rule: "operation-idempotency-key", count: 0 },
    { name: "operation-idempotency-key: the header through a $ref, any case", files: file(api(`  /orders:\n    post:\n      parameters: [{ $ref: "#/components/parameters/Key" }]\n      responses: { "201": { description: OK } }\n`) + `components:\n  parameters:\n    Key: { name: idempotency-key, in: header, schema: { type: string } }\n`), rule: "operation-idempotency-key", count: 0 },
    { name: "x-charter-ignore with a reason on the operation suppresses", files: file(api(GET('      x-charter-ignore: { operation-timeout: "streams until the client stops" }\n'))), rule: "operation-timeout", count: 0 },
    { name: "x-charter-ignore on an ancestor (the path item) suppresses", files: file(api(`  /orders:\n    x-charter-ignore: { operation-timeout: "long polling" }\n    get:\n      responses: { "200": { description: OK } }\n`)), rule: "operation-timeout", count: 0 },
    { name: "x-charter-ignore without a reason still suppresses", files: file(api(GET('      x-charter-ignore: { operation-timeout: "" }\n'))), rule: "operation-timeout", count: 0 },
    { name: "... and is reported at the entry", files: file(api(GET('      x-charter-ignore: { operation-timeout: "" }\n'))), rule: "suppression-without-reason", count: 1, line: 7, message: /operation-timeout/ },
    { name: "x-charter-ignore that is not a map is reported", files: file(api(GET("      x-charter-ignore: operation-timeout\n"))), rule: "suppression-without-reason", count: 1, message: /maps rule ids to reasons/ },
    { name: "owner-required: info.x-owner counts", files: file(api(GET()).replace("version: 1.0.0 }", "version: 1.0.0, x-owner: team-orders }")), rule: "owner-required", count: 0 },
    { name: "slo-required: info's SLO covers every operation", files: file(api(GET()).replace("version: 1.0.0 }", "version: 1.0.0, x-charter-slo: { latency-p99-ms: 200, error-budget: \"0.1%\" } }")), rule: "slo-required", count: 0 },
    { name: "slo-required: an operation's SLO with a bad budget", files: file(api(GET("      x-charter-slo: { latency-p99-ms: 200, error-budget: 5 }\n"))), rule: "slo-required", count: 1, message: /error-budget/ },
    { name: "sunset-required: a deprecated parameter", files: file(api(`  /orders:\n    get:\n      parameters: [{ name: q, in: query, deprecated: true, schema: { type: string } }]\n      responses: { "200": { description: OK } }\n`)), rule: "sunset-required", count: 1, message: /\/paths\/~1orders\/get\/parameters\/0/ },
  ]);
});

describe("slo-required reads charter.yaml", () => {
  it("takes the SLO of a contracts entry for every operation that declares none", async () => {
    const { runLint } = await import("../../src/lint/run.js");
    const api = "openapi: 3.0.3\ninfo: { title: T, version: '1', x-charter-owner: team }\npaths:\n  /a:\n    get:\n      operationId: a\n      x-charter-timeout: 1s\n      responses: { '200': { description: ok }, default: { description: error } }\n";
    const files = (config: string) => ({ label: "reg", base: "", files: new Map([["api.yaml", api], ["charter.yaml", config]]) });
    const rules = async (config: string) => (await runLint(files(config))).findings.map((f) => f.rule);
    assert.ok((await rules("version: 1\n")).includes("slo-required"));
    assert.ok(!(await rules('version: 1\ncontracts:\n  "**": { slo: { latency-p99-ms: 300, error-budget: 0.001 } }\n')).includes("slo-required"));
  });
});
