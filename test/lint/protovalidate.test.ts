import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { getOption, hasOption } from "@bufbuild/protobuf";
import { predefined } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { contractsOf, loadRegistry } from "../../src/contracts/load-registry.js";
import { checkPredefinedRules } from "../../src/lint/helpers/protovalidate/predefined-rules.js";
import { ROOT } from "../helpers/cli.js";
import { corpus } from "../helpers/corpus.js";
import { lint, lintTable } from "./helpers.js";

// protovalidate's definitions as buf's test cases vendor them (the buf-lint corpus).
const found = corpus("buf-lint");
const VALIDATE = "buf/validate/validate.proto";
const validate = found.dir ? readFileSync(join(found.dir, "cases", "protovalidate", "vendor", "protovalidate", VALIDATE), "utf8") : "";

const registry = (body: string) => ({
  [VALIDATE]: validate,
  "a.proto": `syntax = "proto3";\npackage shop.v1;\nimport "buf/validate/validate.proto";\nimport "google/protobuf/duration.proto";\n${body}`,
});

describe("PROTOVALIDATE", { skip: found.skip }, () => {
  it("type-checks every CEL rule protovalidate itself declares without a finding", async () => {
    const contracts = await contractsOf(await loadRegistry({ label: "test", files: new Map([[VALIDATE, validate]]), base: "" }));
    const problems: string[] = [];
    let expressions = 0;
    for (const contract of contracts) {
      if (contract.kind !== "proto") continue;
      for (const rules of contract.files.flatMap((f) => f.messages)) {
        for (const field of rules.fields.filter((f) => hasOption(f, predefined))) {
          expressions += getOption(field, predefined).cel.length;
          checkPredefinedRules(getOption(field, predefined), field, rules, (p) => problems.push(`${rules.name}.${field.name}: ${p.message}`));
        }
      }
    }
    assert.ok(expressions > 300, `${expressions} expressions`);
    assert.deepEqual(problems, []);
  });

  lintTable([
    {
      name: "a CEL rule reaching into nested messages and well-known types type-checks",
      files: registry(`message Window {\n  google.protobuf.Duration length = 1;\n}\nmessage Item {\n  Window window = 1 [(buf.validate.field).cel = {\n    id: "window.short"\n    message: "a window is under a day"\n    expression: "this.length < duration('24h')"\n  }];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 0,
    },
    {
      name: "a CEL rule that does not type-check against the field, at the rule",
      files: registry(`message Item {\n  int64 count = 1 [(buf.validate.field).cel = {\n    id: "count.short"\n    message: "too long"\n    expression: "this.size() < 10"\n  }];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 1,
      line: 6,
      message: /\(buf\.validate\.field\)\.cel\.expression on field "count" fails to compile/,
    },
    {
      name: "a message CEL rule naming an unknown field",
      files: registry(`message Item {\n  option (buf.validate.message).cel = {\n    id: "item.named"\n    message: "needs a name"\n    expression: "this.title != ''"\n  };\n  string name = 1;\n}\n`),
      rule: "PROTOVALIDATE",
      count: 1,
      line: 6,
    },
    {
      name: "an example that breaks the field's own rules, at the example",
      files: registry(`message Item {\n  string sku = 1 [\n    (buf.validate.field).string.max_len = 4,\n    (buf.validate.field).string.example = "ABCDEFG"\n  ];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 1,
      line: 8,
      message: /"ABCDEFG" is an example value but does not satisfy rule "string.max_len"/,
    },
    {
      name: "another field's broken rules do not fail a good example",
      files: registry(`message Item {\n  string sku = 1 [\n    (buf.validate.field).string.max_len = 4,\n    (buf.validate.field).string.example = "ABCD"\n  ];\n  bytes blob = 2 [(buf.validate.field).string.min_len = 1];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 1,
      line: 10,
      message: /is of type bytes but has \(buf\.validate\.field\)\.string rules/,
    },
  ]);
});

// A registry that imports protovalidate's definitions without holding them (buf users take them
// from the BSR through `deps`): charter's shipped copy (proto/README.md) fills in, never the network.
const importing = (body: string) => ({
  "shop/v1/item.proto": `syntax = "proto3";\npackage shop.v1;\nimport "buf/validate/validate.proto";\n${body}`,
});
const packagesOf = async (files: Record<string, string>) =>
  (await contractsOf(await loadRegistry({ label: "test", files: new Map(Object.entries(files)), base: "" }))).map((c) => c.id).sort();

describe("PROTOVALIDATE with charter's shipped validate.proto", () => {
  lintTable([
    {
      name: "a registry importing validate.proto without holding it is checked",
      files: importing(`message Item {\n  string sku = 1 [(buf.validate.field).string.min_len = 5, (buf.validate.field).string.max_len = 2];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 2,
      line: 5,
      message: /value 5 for \(buf\.validate\.field\)\.string\.min_len, which must be lower than value 2/,
    },
    {
      name: "and its sound rules pass",
      files: importing(`message Item {\n  string sku = 1 [(buf.validate.field).string.min_len = 2, (buf.validate.field).string.max_len = 5];\n}\n`),
      rule: "PROTOVALIDATE",
      count: 0,
    },
  ]);

  it("is no contract of the registry, while a registry's own copy is one", async () => {
    const files = importing(`message Item {\n  string sku = 1 [(buf.validate.field).string.min_len = 2];\n}\n`);
    assert.deepEqual(await packagesOf(files), ["shop.v1"]);
    const own = readFileSync(join(ROOT, "proto", VALIDATE), "utf8");
    assert.deepEqual(await packagesOf({ ...files, [VALIDATE]: own }), ["buf.validate", "shop.v1"]);
  });

  it("a registry's own copy wins: the shipped one is not added beside it", async () => {
    // The registry's copy lacks StringRules.min_len: had the shipped copy been used, this would compile.
    const own = readFileSync(join(ROOT, "proto", VALIDATE), "utf8").replace(/\n\s*optional uint64 min_len = 2 \[[\s\S]*?\];\n/, "\n");
    assert.notEqual(own, readFileSync(join(ROOT, "proto", VALIDATE), "utf8"));
    const files = { ...importing(`message Item {\n  string sku = 1 [(buf.validate.field).string.min_len = 2];\n}\n`), [VALIDATE]: own };
    await assert.rejects(() => lint(files), /string\.min_len|min_len/);
  });
});
