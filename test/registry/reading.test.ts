import assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { charter, git, tempTree } from "../helpers/cli.js";
import { assertGolden } from "../helpers/golden.js";

/** One reading policy (issue 12, items 5-7): bad input is one line `charter: file:line:col: message`, exit 2, in every command. */

const API = (ref = "#/components/schemas/Thing", info = "info: { title: T, version: \"1\" }") => `openapi: 3.0.3
${info}
paths:
  /things:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "${ref}"
components:
  schemas:
    Thing:
      type: object
`;

/** A "billion laughs" in 418 bytes: nine levels of nine aliases, about 387 million strings once expanded. */
const BOMB = `openapi: 3.0.3
info: { title: T, version: "1" }
paths: {}
x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
x-b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
x-c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
x-d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
x-e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
x-f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
x-g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
x-h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
x-i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

const ASYNCAPI = (channel: string, property: string) => `asyncapi: 3.0.0
info: { title: Events, version: 1.0.0 }
channels:
  ${channel}:
    address: thing.changed
    messages:
      changed:
        payload:
          type: object
          properties:
            ${property}: { type: string }
`;

/** Every reading command over a registry `reg` whose only version is the bad one. */
const COMMANDS: [string, string[]][] = [
  ["lint", ["lint", "reg"]],
  ["breaking", ["breaking", "reg", "--against", "reg"]],
  // docs gives an unreadable contract an error page and builds the rest (issue 19) unless --strict.
  ["docs --strict", ["docs", "reg", "--out", "site", "--strict"]],
];

function refusedEverywhere(files: Record<string, string>, line: string): void {
  for (const [name, args] of COMMANDS) {
    const run = charter(args, tempTree(files));
    assert.equal(run.status, 2, `${name}: ${run.stderr}`);
    assert.equal(run.stderr, `charter: ${line}\n`, name);
  }
  const docs = charter(["docs", "reg", "--out", "site"], tempTree(files));
  assert.equal(docs.status, 0, docs.stderr);
  assert.equal(docs.stderr.split("\n")[0], `charter: warning: ${line} (the docs site shows this on the contract's page and builds the rest)`);
}

describe("YAML aliases (item 5)", () => {
  it("a billion-laughs file is refused at once, naming the alias that crosses the bound", () => {
    refusedEverywhere({ "reg/api.openapi.yaml": BOMB },
      `reg/api.openapi.yaml:10:10: aliases expand this document by more than 1000000 nodes: refused as a possible "billion laughs" attack`);
  });

  it("an anchor that contains its own alias is a located cycle", () => {
    refusedEverywhere({ "reg/api.openapi.yaml": API(undefined, "info: &i { title: T, version: \"1\", x-self: *i }") },
      "reg/api.openapi.yaml:2:44: alias *i is inside the node its anchor &i marks: a cycle");
  });

  it("a key written twice in one mapping is refused at the second", () => {
    refusedEverywhere({ "reg/api.openapi.yaml": API().replace("paths:\n", "paths: {}\npaths:\n") },
      `reg/api.openapi.yaml:4:1: key "paths" appears twice in this mapping`);
  });

  it("merge keys and plain aliases still read as before", () => {
    const merged = API().replace("components:\n", "x-base: &base { type: object }\ncomponents:\n").replace("    Thing:\n      type: object\n", "    Thing:\n      <<: *base\n      x-copy: *base\n");
    const expanded = API().replace("components:\n", "x-base: { type: object }\ncomponents:\n").replace("    Thing:\n      type: object\n", "    Thing:\n      type: object\n      x-copy: { type: object }\n");
    const run = charter(["breaking", "new/api.yaml", "--against", "old/api.yaml", "--format", "json"], tempTree({ "new/api.yaml": merged, "old/api.yaml": expanded }));
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { contracts: { change: string }[] }).contracts.map((c) => c.change), ["unchanged"]);
  });
});

describe("errors that had no place get one (item 6)", () => {
  it("a $ref with a malformed percent escape", () => {
    refusedEverywhere({ "reg/api.openapi.yaml": API("#/components/schemas/%E0%A4%A") },
      `reg/api.openapi.yaml:12:17: $ref "#/components/schemas/%E0%A4%A" has a malformed percent escape`);
  });

  it("a dangling $ref, reported where it is written with its whole pointer", () => {
    refusedEverywhere({ "reg/api.openapi.yaml": API("#/components/schemas/Missing/deep") },
      `reg/api.openapi.yaml:12:17: $ref "#/components/schemas/Missing/deep" points to nothing: reg/api.openapi.yaml has no "#/components/schemas/Missing/deep"`);
  });

  it("a dangling $ref, in the contract or in a file it refers to, is reported where it is written by every command (golden)", () => {
    const shared = `Thing:
  type: object
  properties:
    owner:
      $ref: "#/Owner"
`;
    const cases: [string, Record<string, string>][] = [
      ["in the contract", { "reg/api.openapi.yaml": API("#/components/schemas/Missing") }],
      ["in a file the contract refers to", { "reg/api.openapi.yaml": API("./shared.yaml#/Thing"), "reg/shared.yaml": shared }],
    ];
    const commands = [...COMMANDS, ["check", ["check", "reg", "--against", "reg"]], ["generate", ["generate", "reg", "--out", "out"]]] as [string, string[]][];
    const lines = cases.flatMap(([name, files]) => [`# a dangling $ref ${name}\n`, ...commands.map(([, args]) => {
      const run = charter(args, tempTree(files));
      assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /:1:1:/, "never at 1:1");
      return `$ charter ${args.join(" ")}\n${run.stderr}`;
    })]);
    assertGolden("cli/dangling-ref.txt", lines.join(""));
  });

  it("a $ref that is not a string, where it is written; a property named $ref and example data stay legal", () => {
    const api = API().replace('$ref: "#/components/schemas/Thing"', "$ref: { $ref: \"#\" }");
    refusedEverywhere({ "reg/api.openapi.yaml": api }, "reg/api.openapi.yaml:12:17: $ref must be a string (a URI reference), not an object");
    const legal = `${API()}      properties:
        $ref: { type: object, example: { $ref: 1 } }
`;
    for (const command of ["lint", "breaking"]) {
      const run = charter(command === "lint" ? ["lint", "reg"] : ["breaking", "reg", "--against", "reg"], tempTree({ "reg/api.openapi.yaml": legal }));
      assert.ok(run.status === 0 || run.status === 1, `${command}: ${run.stderr}`);
    }
  });

  for (const [name, channel, property, line] of [
    ["a property named __proto__", "thingChanged", "__proto__", "11:13: key \"__proto__\""],
    ["a channel named hasOwnProperty", "hasOwnProperty", "id", "4:3: key \"hasOwnProperty\""],
  ]) {
    it(`an AsyncAPI document with ${name}: the schema checks it, and lint's parser rules name the key, without the parser's stack`, () => {
      const expected = `reg/events.asyncapi.yaml:${line} cannot be validated: @asyncapi/parser mistakes it for a JavaScript built-in; rename it`;
      const dir = tempTree({ "reg/events.asyncapi.yaml": ASYNCAPI(channel, property) });
      const shown = (run: { stdout: string }) => (JSON.parse(run.stdout) as { findings: { rule: string; severity: string; message: string; location: { file: string; line: number; column: number } }[] }).findings
        .filter((f) => f.rule === "asyncapi-schema").map((f) => `${f.severity} ${f.location.file}:${f.location.line}:${f.location.column}: ${f.message}`);
      const lint = charter(["lint", "reg", "--format", "json"], dir);
      assert.equal(lint.status, 1, lint.stderr);
      assert.deepEqual(shown(lint), [`error ${expected}`]);
      // breaking and docs check the official schema only (ajv reads such keys as keys): the document is valid there.
      const breaking = charter(["breaking", "reg", "--against", "reg", "--format", "json"], dir);
      assert.equal(breaking.status, 0, breaking.stderr);
      assert.deepEqual(shown(breaking), []);
      const docs = charter(["docs", "reg", "--out", "site"], dir);
      assert.equal(docs.status, 0, docs.stderr);
      assert.doesNotMatch(docs.stderr, /warning/);
    });
  }
});

describe("one reading policy (item 7)", () => {
  it("a UTF-8 byte-order mark does not stop a file being a contract", () => {
    const dir = tempTree({ "new/api.openapi.yaml": `\uFEFF${API()}`, "old/api.openapi.yaml": API() });
    const run = charter(["breaking", "new", "--against", "old", "--format", "json"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { contracts: { change: string }[] }).contracts.map((c) => c.change), ["unchanged"]);
    // One contract file as the input is read the same way.
    const single = charter(["breaking", "new/api.openapi.yaml", "--against", "old/api.openapi.yaml", "--format", "json"], dir);
    assert.equal(single.status, 0, single.stderr);
    assert.deepEqual((JSON.parse(single.stdout) as { contracts: { change: string }[] }).contracts.map((c) => c.change), ["unchanged"]);
  });

  it("lint follows $refs: one into a missing file fails", () => {
    const run = charter(["lint", "reg"], tempTree({ "reg/api.openapi.yaml": API("./schemas.yaml#/Thing") }));
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, `charter: reg/api.openapi.yaml:12:17: $ref "./schemas.yaml#/Thing" names a file that does not exist\n`);
  });

  it("git:REF skips a committed symlink as the folder reader does", () => {
    const dir = tempTree({ "reg/order.schema.json": '{ "type": "object" }\n' });
    symlinkSync("order.schema.json", join(dir, "reg", "alias.schema.json"));
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "schemas");
    const run = charter(["breaking", "reg", "--against", "git:HEAD", "--format", "json"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { contracts: { path: string; change: string }[] }).contracts.map((c) => [c.path, c.change]), [["order.schema.json", "unchanged"]]);
  });
});
