import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { generateSdks } from "../../src/codegen/generate.js";
import { readGitSnapshot } from "../../src/registry/read-git.js";
import { readInput } from "../../src/registry/resolve.js";
import { charter, git, tempTree } from "../helpers/cli.js";
import { compileSdk } from "../helpers/sdk.js";

/** Every file under a folder, by relative path. */
function readTree(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith(".charter"));
  return new Map(entries.map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]));
}

const api = (schema: string, extra = "") => `openapi: 3.1.0
info: {title: Api, version: "1", x-charter-id: api}
paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: ${schema}
${extra}`;

const events = (payload: string, extra = "") => `asyncapi: 3.0.0
info: {title: Events, version: "1"}
id: urn:test:events
channels:
  orders:
    address: orders.paid
    messages:
      paid:
        payload: ${payload}
operations:
  sendPaid:
    action: send
    channel: {$ref: '#/channels/orders'}
${extra}`;

const SHARED = (property: string) => `components:\n  schemas:\n    Thing: {type: object, properties: {${property}: {type: string}}}\n`;

const ITEMS = `openapi: 3.0.3
info: {title: Items, version: "1", x-charter-id: items}
paths:
  /items/{id}:
    parameters:
      - $ref: 'common.yaml#/parameters/Id'
    get:
      operationId: getItem
      parameters:
        - $ref: 'common.yaml#/parameters/Limit'
      responses:
        "200": {$ref: 'common.yaml#/responses/Item'}
    put:
      operationId: putItem
      requestBody: {$ref: 'common.yaml#/requestBodies/Item'}
      responses:
        "204": {description: ok}
components:
  schemas:
    Item: {type: object, properties: {id: {type: string}, tags: {$ref: 'common.yaml#/schemas/Tags'}}}
`;

const COMMON = `parameters:
  Id: {name: id, in: path, required: true, schema: {type: string}}
  Limit: {name: limit, in: query, schema: {$ref: '#/schemas/Count'}}
responses:
  Item:
    description: an item
    content:
      application/json:
        schema: {$ref: 'items.openapi.yaml#/components/schemas/Item'}
requestBodies:
  Item:
    required: true
    content:
      application/json:
        schema: {$ref: 'items.openapi.yaml#/components/schemas/Item'}
schemas:
  Count: {type: integer, minimum: 0}
  Tags: {type: array, items: {type: string}}
`;

describe("generate reads the registry and nothing else (issue 12, item 1)", () => {
  it("bundles a cross-file $ref from the registry, not from the folder beside the working directory", () => {
    const dir = tempTree({
      "work/reg/api.openapi.yaml": api("{$ref: 'shared.yaml#/components/schemas/Thing'}"),
      "work/reg/shared.yaml": SHARED("insideRegistry"),
      // Parameters, responses and bodies of another file are copied in; their schemas become components.
      "work/reg/items.openapi.yaml": ITEMS,
      "work/reg/common.yaml": COMMON,
      // Where openapi-typescript used to look: the parent of the working directory.
      "shared.yaml": SHARED("besideWorkingDirectory"),
    });
    const run = charter(["generate", "reg", "--out", "sdk"], join(dir, "work"));
    assert.equal(run.status, 0, run.stderr);
    const types = readFileSync(join(dir, "work/sdk/api/types.ts"), "utf8");
    assert.match(types, /insideRegistry\?: string/);
    assert.doesNotMatch(types, /besideWorkingDirectory/);
    const items = readFileSync(join(dir, "work/sdk/items/types.ts"), "utf8");
    assert.match(items, /limit\?: components\["schemas"\]\["Count"\];/);
    assert.match(items, /tags\?: components\["schemas"\]\["Tags"\];/);
    assert.match(readFileSync(join(dir, "work/sdk/items/client.ts"), "utf8"), /body: RequestBody<NonNullable<PutItemOperation\["requestBody"\]>/);
    const compiled = compileSdk(readTree(join(dir, "work/sdk")));
    assert.equal(compiled.output, "");
  });

  it("refuses a remote $ref and one that leaves the registry, with one located line", () => {
    for (const [ref, message] of [
      ["https://example.com/thing.yaml", /remote \$ref/],
      ["../outside.yaml#/components/schemas/Thing", /leaves the registry/],
    ] as const) {
      const dir = tempTree({ "reg/api.openapi.yaml": api(`{$ref: '${ref}'}`), "outside.yaml": SHARED("outside") });
      const run = charter(["generate", "reg", "--out", "sdk"], dir);
      assert.equal(run.status, 2, ref);
      assert.match(run.stderr, /^charter: reg\/api\.openapi\.yaml:12:\d+: /, ref);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
    }
  });

  it("generates from git:REF what the folder had at REF, whatever the working tree holds now", async () => {
    const dir = tempTree({
      "reg/api.openapi.yaml": api("{$ref: 'shared.yaml#/components/schemas/Thing'}"),
      "reg/events.asyncapi.yaml": events("{$ref: 'shared.yaml#/components/schemas/Thing'}"),
      "reg/shared.yaml": SHARED("committed"),
    });
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "registry");
    const committed = await generateSdks(readInput(join(dir, "reg"), dir));
    writeFileSync(join(dir, "reg/shared.yaml"), SHARED("edited"));
    const atRef = await generateSdks(readGitSnapshot(dir, "reg", "HEAD", false));
    assert.deepEqual([...atRef.keys()].sort(), [...committed.keys()].sort());
    for (const [path, text] of committed) assert.equal(atRef.get(path), text, path);
    assert.match(atRef.get("api/types.ts")!, /committed\?: string/);
    assert.match(atRef.get("urn-test-events/types.ts")!, /committed\?: string/);
  });
});

describe("generate on odd but legal schemas, and on broken ones (issue 12, item 6)", () => {
  it("generates working code for $ref '#' recursion and properties named hasOwnProperty, constructor (and __proto__ in types)", async () => {
    const odd = "{type: object, required: [hasOwnProperty], properties: {hasOwnProperty: {type: string}, constructor: {type: integer}}}";
    const dir = tempTree({
      "reg/api.openapi.yaml": api(odd.replace("constructor:", "__proto__: {type: integer}, constructor:"), "components:\n  schemas:\n    hasOwnProperty: {$ref: 'tree.schema.json'}\n"),
      "reg/events.asyncapi.yaml": events("{$ref: 'tree.schema.json'}", "  sendOdd:\n    action: send\n    channel: {$ref: '#/channels/odd'}\n").replace(
        "operations:",
        `  odd:\n    address: odd.things\n    messages:\n      odd:\n        payload: ${odd}\noperations:`,
      ),
      "reg/tree.schema.json": JSON.stringify({ $id: "urn:tree", type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#" } } } }),
    });
    const run = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(run.status, 0, run.stderr);
    const sdk = join(dir, "sdk");
    const compiled = compileSdk(readTree(sdk));
    assert.equal(compiled.output, "");
    const openapi = readFileSync(join(sdk, "api/types.ts"), "utf8");
    assert.match(openapi, /hasOwnProperty: string;/);
    assert.match(openapi, /__proto__\?: number;/);
    const types = readFileSync(join(sdk, "urn-test-events/types.ts"), "utf8");
    assert.match(types, /children\?: components\["schemas"\]\["Paid"\]\[\];/);
    const validators = await import(pathToFileURL(join(compiled.dir, "urn-test-events/validators.ts")).href);
    assert.equal(validators.producerPaid({ name: "root", children: [{ name: "leaf", children: [] }] }), true);
    assert.equal(validators.producerPaid({ name: "root", children: [{ children: [] }] }), false, "the recursion is checked at depth");
    assert.equal(validators.producerOdd({ hasOwnProperty: "yes", constructor: 1 }), true);
    assert.equal(validators.producerOdd({ hasOwnProperty: "yes" }), true, "constructor is optional, not found on Object.prototype");
    assert.equal(validators.producerOdd({}), false, "hasOwnProperty is required, not found on Object.prototype");
    assert.equal(validators.producerOdd({ hasOwnProperty: "yes", constructor: "not a number" }), false);
  });

  const broken: [string, Record<string, string>, RegExp][] = [
    ["an invalid pattern", { "e.asyncapi.yaml": events('{type: string, pattern: "["}') }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: pattern "\[" is not a valid regular expression/],
    [
      "a payload property named __proto__, which ajv would leave unchecked",
      { "e.asyncapi.yaml": events("{type: object, properties: {__proto__: {type: integer}}}") },
      /^charter: reg\/e\.asyncapi\.yaml:9:\d+: a property named __proto__ cannot be validated/,
    ],
    ["$ref '#' in an OpenAPI document", { "a.openapi.yaml": api("{$ref: '#'}") }, /^charter: reg\/a\.openapi\.yaml:12:\d+: \$ref points at the whole OpenAPI document/],
    ["$ref '#' in an AsyncAPI document", { "e.asyncapi.yaml": events("{$ref: '#'}") }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: \$ref points at the whole AsyncAPI document/],
    [
      "a circular pointer",
      { "a.openapi.yaml": api("{$ref: '#/components/schemas/A'}", "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n") },
      /^charter: reg\/a\.openapi\.yaml:\d+:\d+: \$ref cycle/,
    ],
    [
      "a circular pointer in AsyncAPI",
      { "e.asyncapi.yaml": events("{$ref: '#/components/schemas/A'}", "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n") },
      /^charter: reg\/e\.asyncapi\.yaml:\d+:\d+: \$ref cycle/,
    ],
    ["a property whose schema is null", { "a.openapi.yaml": api("{type: object, properties: {currency: null}}") }, /^charter: reg\/a\.openapi\.yaml:12:\d+: properties\.currency must be a schema/],
    ["a negative minProperties", { "e.asyncapi.yaml": events("{type: object, minProperties: -1}") }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: minProperties must be a non-negative integer/],
    ["properties that are not a map", { "e.asyncapi.yaml": events("{type: object, properties: [a, b]}") }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: properties must be a map of names to schemas/],
    ["a $ref to a schema left empty (null)", { "e.asyncapi.yaml": events("{$ref: '#/components/schemas/A'}", "components:\n  schemas:\n    A:\n") }, /^charter: reg\/e\.asyncapi\.yaml:\d+:\d+: a schema must be an object or a boolean, not null/],
    [
      "a media type left empty (null), which breaks the OpenAPI schema: its violation, in place",
      { "a.openapi.yaml": api("{type: string}").replace("          content:\n            application/json:\n              schema: {type: string}\n", "          content:\n            application/json:\n") },
      /^charter: reg\/a\.openapi\.yaml:\d+:\d+: cannot generate a client from a document that is not valid OpenAPI 3\.1/,
    ],
    ["an empty anyOf", { "a.openapi.yaml": api("{anyOf: []}") }, /^charter: reg\/a\.openapi\.yaml:12:\d+: anyOf must be a non-empty list of schemas/],
    ["a $ref that is not a string", { "e.asyncapi.yaml": events("{$ref: {$ref: '#'}}") }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: \$ref must be a string/],
    [
      "an operation listing a message its channel does not carry",
      { "e.asyncapi.yaml": events("{type: object}", "  sendOther:\n    action: send\n    channel: {$ref: '#/channels/orders'}\n    messages: [{$ref: '#/components/messages/other'}]\ncomponents:\n  messages:\n    other: {payload: {type: string}}\n") },
      /^charter: reg\/e\.asyncapi\.yaml:17:\d+: operation sendOther lists a message \(\/operations\/sendOther\/messages\/0\) that its channel orders\.paid does not carry/,
    ],
    ["an unknown type", { "e.asyncapi.yaml": events("{type: strin}") }, /^charter: reg\/e\.asyncapi\.yaml:9:\d+: type must be one of string, number/],
  ];
  it("checks keywords only where a schema is: properties named type or minLength, and data, generate", () => {
    const payload = "{type: object, properties: {type: {type: string}, minLength: {type: integer}}, default: {type: 1, minLength: -1}, x-note: {type: weird}}";
    const dir = tempTree({ "reg/e.asyncapi.yaml": events(payload), "reg/a.openapi.yaml": api(payload) });
    const run = charter(["generate", "reg", "--out", "sdk"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(compileSdk(readTree(join(dir, "sdk"))).output, "");
  });
  for (const [name, files, message] of broken) {
    it(`stops at the line of ${name}, exit 2, one line`, () => {
      const dir = tempTree(Object.fromEntries(Object.entries(files).map(([path, text]) => [`reg/${path}`, text])));
      const run = charter(["generate", "reg", "--out", "sdk"], dir);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.deepEqual(readdirSync(dir), ["reg"], "nothing is written");
    });
  }
});

describe("generate with nothing to generate (issue 13)", () => {
  it("exits 2 and says so, writing nothing", () => {
    const dir = tempTree({ "reg/t.schema.json": JSON.stringify({ $id: "urn:t", type: "object" }) });
    mkdirSync(join(dir, "empty"));
    for (const registry of ["reg", "empty"]) {
      const run = charter(["generate", registry, "--out", "sdk"], dir);
      assert.equal(run.status, 2, registry);
      assert.match(run.stderr, new RegExp(`^charter: ${registry}: nothing to generate \\(no OpenAPI contract, AsyncAPI operation or proto service\\)`));
    }
    assert.deepEqual(readdirSync(dir).sort(), ["empty", "reg"]);
  });
});
