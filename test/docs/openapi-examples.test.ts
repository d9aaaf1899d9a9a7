import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import formats from "ajv-formats";
import type { OpenApiContract } from "../../src/contracts/contract.js";
import { contractsOf, loadRegistry } from "../../src/contracts/load-registry.js";
import { openApiView } from "../../src/docs/openapi.js";
import { readInput } from "../../src/registry/resolve.js";
import { corpus } from "../helpers/corpus.js";

type Json = Record<string, unknown>;
const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** The registry's OpenAPI contracts. */
async function openApiContracts(registry: string, cwd: string): Promise<OpenApiContract[]> {
  const contracts = await contractsOf(await loadRegistry(readInput(registry, cwd)));
  return contracts.filter((c): c is OpenApiContract => c.kind === "openapi");
}

/**
 * Every example the page shows for a body, beside the pointer of the body's schema in the
 * document (a body or response written as a local `$ref` is followed to where it is written).
 */
function examplesOf(contract: OpenApiContract): { where: string; pointer: string; example: unknown; from: string }[] {
  const root = contract.document.root as Json;
  const at = (pointer: string): Json => pointer.split("/").slice(1).reduce<Json>((node, s) => node[s.replace(/~1/g, "/").replace(/~0/g, "~")] as Json, root);
  const follow = (pointer: string): string => {
    const node = at(pointer);
    return typeof node.$ref === "string" && node.$ref.startsWith("#/") ? follow(node.$ref.slice(1)) : pointer;
  };
  const found: ReturnType<typeof examplesOf> = [];
  for (const op of openApiView(contract, "page.html").view.operations) {
    const base = `/paths/${escape(op.path)}/${op.method.toLowerCase()}`;
    const bodies = [
      ...(op.requestBody ? [{ pointer: follow(`${base}/requestBody`), content: op.requestBody.content }] : []),
      ...op.responses.map((r) => ({ pointer: follow(`${base}/responses/${escape(r.status)}`), content: r.content })),
    ];
    for (const { pointer, content } of bodies) {
      for (const body of content) {
        if (body.example === undefined) continue;
        found.push({ where: `${op.method} ${op.path} ${pointer}`, pointer: `${pointer}/content/${escape(body.mediaType)}/schema`, example: JSON.parse(body.example), from: body.exampleFrom! });
      }
    }
  }
  return found;
}

/** Validates each synthesised example against its schema, the whole document loaded so its `$ref`s resolve. */
function invalidExamples(contract: OpenApiContract): { checked: number; invalid: string[] } {
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  // ajv-formats is CommonJS: its function is the default export's `default`.
  (formats as unknown as { default: (ajv: Ajv) => void }).default(ajv);
  // OpenAPI 3.0's `nullable` only widens a type (ajv refuses it without one): left out, the check is stricter.
  ajv.addSchema(JSON.parse(JSON.stringify(contract.document.root), (key, value: unknown) => (key === "nullable" ? undefined : value)) as Json, "doc");
  let checked = 0;
  const invalid: string[] = [];
  for (const { where, pointer, example, from } of examplesOf(contract)) {
    if (from !== "schema") continue;
    checked++;
    const validate = ajv.getSchema(`doc#${pointer.split("/").map(encodeURIComponent).join("/")}`)!;
    if (!validate(example)) invalid.push(`${where}: ${JSON.stringify(validate.errors?.[0])}`);
  }
  return { checked, invalid };
}

const stripe = corpus("real-world/stripe");

describe("OpenAPI examples on the docs site", () => {
  it("shows the contract's own example where it has one, and a synthesised one valid against the schema elsewhere (example registry)", async () => {
    const [orders] = await openApiContracts("contracts", process.cwd());
    const examples = examplesOf(orders);
    const createOrder = examples.find((e) => e.where.startsWith("POST /orders ") && e.pointer.includes("requestBody"));
    assert.ok(createOrder, JSON.stringify(examples.map((e) => e.where)));
    const { checked, invalid } = invalidExamples(orders);
    assert.ok(checked >= 2, `${checked} synthesised examples`);
    assert.deepEqual(invalid, []);
    // allOf merged: the order's example holds NewOrder's required fields and its own.
    const order = examples.find((e) => e.where.startsWith("GET /orders/{orderId} ") && /responses\/200/.test(e.pointer));
    assert.ok(order);
    for (const field of ["userId", "items", "currency", "orderId", "status", "total"]) assert.ok(field in (order.example as Json), field);
  });

  it("prefers the media type's example to a synthesised one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "charter-examples-"));
    mkdirSync(join(dir, "reg"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "reg", "api.openapi.yaml"), [
      "openapi: 3.1.0",
      "info: { title: Ex, version: '1' }",
      "paths:",
      "  /x:",
      "    get:",
      "      responses:",
      "        '200':",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema: { type: object, properties: { n: { type: integer } } }",
      "              examples: { first: { value: { n: 42 } } }",
      "        '404':",
      "          description: missing",
      "          content: { application/json: { schema: { type: object, required: [code], properties: { code: { type: string, enum: [gone] } } } } }",
      "",
    ].join("\n"));
    const [api] = await openApiContracts("reg", dir);
    const [ok, missing] = examplesOf(api);
    assert.deepEqual([ok.example, ok.from], [{ n: 42 }, "contract"]);
    assert.deepEqual([missing.example, missing.from], [{ code: "gone" }, "schema"]);
  });

  it("synthesises examples valid against a Stripe spec's schemas", { skip: stripe.skip, timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "charter-stripe-"));
    mkdirSync(join(dir, "contracts"));
    copyFileSync(join(stripe.dir!, "551", "revision.yaml"), join(dir, "contracts", "stripe.openapi.yaml"));
    const [spec] = await openApiContracts("contracts", dir);
    const { checked, invalid } = invalidExamples(spec);
    assert.ok(checked > 300, `${checked} synthesised examples`);
    assert.deepEqual(invalid.slice(0, 5), []);
  });
});
