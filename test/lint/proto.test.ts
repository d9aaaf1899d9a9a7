import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../src/errors.js";
import { lint, lintTable } from "./helpers.js";

const proto = (body: string, pkg = "shop.catalog.v1") => `syntax = "proto3";\npackage ${pkg};\n${body}`;
const ENUM_ACTIVE_ZERO = (comment = "") => proto(`enum ItemStatus {\n${comment}  ITEM_STATUS_ACTIVE = 0;\n}\n`);

describe("proto rules", () => {
  lintTable([
    { name: "ENUM_ZERO_VALUE_SUFFIX: a zero value without _UNSPECIFIED, at its name", files: { "a.proto": ENUM_ACTIVE_ZERO() }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 1, line: 4, message: /"ITEM_STATUS_ACTIVE" should be suffixed with "_UNSPECIFIED"/ },
    { name: "ENUM_ZERO_VALUE_SUFFIX: nested enums too", files: { "a.proto": proto("message Item {\n  enum Kind {\n    KIND_BOOK = 0;\n  }\n}\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 1, line: 5 },
    { name: "PACKAGE_VERSION_SUFFIX: v1beta1 is a version", files: { "a.proto": proto("", "shop.catalog.v1beta1") }, rule: "PACKAGE_VERSION_SUFFIX", count: 0 },
    { name: "PACKAGE_VERSION_SUFFIX: points at the package statement", files: { "a.proto": proto("", "shop.catalog") }, rule: "PACKAGE_VERSION_SUFFIX", count: 1, line: 2 },
    { name: "stable-imports-unstable: an unstable package may import another", files: {
      "a.proto": `syntax = "proto3";\npackage shop.a.v1alpha1;\nimport "b.proto";\n`,
      "b.proto": `syntax = "proto3";\npackage shop.b.v1beta1;\n`,
    }, rule: "stable-imports-unstable", count: 0 },
    { name: "stable-imports-unstable: at the import statement", files: {
      "a.proto": `syntax = "proto3";\npackage shop.a.v1;\n\nimport "b.proto";\n`,
      "b.proto": `syntax = "proto3";\npackage shop.b.v1beta1;\n`,
    }, rule: "stable-imports-unstable", count: 1, line: 4, message: /imports "b.proto" of unstable package "shop.b.v1beta1"/ },
    { name: "FIELD_LOWER_SNAKE_CASE suggests a name", files: { "a.proto": proto("message Item {\n  string itemId = 1;\n}\n") }, rule: "FIELD_LOWER_SNAKE_CASE", count: 1, message: /"itemId" should be lower_snake_case, such as "item_id"/ },
    { name: "MESSAGE_PASCAL_CASE leaves map entries alone", files: { "a.proto": proto("message Item {\n  map<string, string> labels = 1;\n}\n") }, rule: "MESSAGE_PASCAL_CASE", count: 0 },
    { name: "ENUM_VALUE_UPPER_SNAKE_CASE", files: { "a.proto": proto("enum Kind {\n  KIND_UNSPECIFIED = 0;\n  kindBook = 1;\n}\n") }, rule: "ENUM_VALUE_UPPER_SNAKE_CASE", count: 1, message: /such as "KIND_BOOK"/ },
    { name: "suppressed by charter:ignore with a reason, on the line before", files: { "a.proto": ENUM_ACTIVE_ZERO("  // charter:ignore ENUM_ZERO_VALUE_SUFFIX shipped in 2019, renaming breaks JSON clients\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 0 },
    { name: "suppressed by buf:lint:ignore with a reason", files: { "a.proto": ENUM_ACTIVE_ZERO("  // buf:lint:ignore ENUM_ZERO_VALUE_SUFFIX legacy value\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 0 },
    { name: "suppressed on the element's own line", files: { "a.proto": proto("enum ItemStatus {\n  ITEM_STATUS_ACTIVE = 0; // charter:ignore ENUM_ZERO_VALUE_SUFFIX legacy value\n}\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 0 },
    { name: "suppressed on the enclosing enum", files: { "a.proto": proto("// charter:ignore ENUM_ZERO_VALUE_SUFFIX legacy enum\nenum ItemStatus {\n  ITEM_STATUS_ACTIVE = 0;\n}\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 0 },
    { name: "a suppression of another rule does not suppress", files: { "a.proto": ENUM_ACTIVE_ZERO("  // charter:ignore FIELD_LOWER_SNAKE_CASE wrong rule\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 1 },
    { name: "a suppression separated by a blank line does not reach the element", files: { "a.proto": ENUM_ACTIVE_ZERO("  // charter:ignore ENUM_ZERO_VALUE_SUFFIX legacy\n\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 1 },
    { name: "a suppression without a reason still suppresses its rule", files: { "a.proto": ENUM_ACTIVE_ZERO("  // buf:lint:ignore ENUM_ZERO_VALUE_SUFFIX\n") }, rule: "ENUM_ZERO_VALUE_SUFFIX", count: 0 },
    { name: "... and is reported at the comment", files: { "a.proto": ENUM_ACTIVE_ZERO("  // buf:lint:ignore ENUM_ZERO_VALUE_SUFFIX\n") }, rule: "suppression-without-reason", count: 1, line: 4, severity: "error" },
    { name: "owner-required: a charter:owner comment names the owner", files: { "a.proto": `// charter:owner team-catalog\n${proto("")}` }, rule: "owner-required", count: 0 },
    { name: "owner-required: none, at the package statement", files: { "a.proto": proto("") }, rule: "owner-required", count: 1, line: 2 },
    { name: "owner-required: charter.yaml names the owner", files: { "a.proto": proto(""), "charter.yaml": "version: 1\ncontracts:\n  \"*.proto\": { owner: team-catalog }\n" }, rule: "owner-required", count: 0 },
    { name: "slo-required: a service without charter:slo", files: { "a.proto": proto("message E {}\nservice CatalogService {\n  rpc Get(E) returns (E);\n}\n") }, rule: "slo-required", count: 1, line: 4 },
    { name: "slo-required: an SLO comment without an error budget", files: { "a.proto": proto("message E {}\n// charter:slo latency-p99-ms=200\nservice CatalogService {\n  rpc Get(E) returns (E);\n}\n") }, rule: "slo-required", count: 1, message: /error-budget/ },
    { name: "slo-required: data-only packages need none", files: { "a.proto": proto("message E {}\n") }, rule: "slo-required", count: 0 },
    { name: "sunset-required: a deprecated field without a sunset", files: { "a.proto": proto("message Item {\n  string sku = 1 [deprecated = true];\n}\n") }, rule: "sunset-required", count: 1, line: 4 },
    { name: "sunset-required: with charter:sunset", files: { "a.proto": proto("message Item {\n  // charter:sunset 2999-01-31\n  string sku = 1 [deprecated = true];\n}\n") }, rule: "sunset-required", count: 0 },
    { name: "sunset-required: a sunset that has passed", files: { "a.proto": proto("message Item {\n  string sku = 1 [deprecated = true]; // charter:sunset 2020-01-31\n}\n") }, rule: "sunset-required", count: 1, message: /has passed/, today: new Date("2026-01-01") },
  ]);

  it("charter.yaml sets a rule's severity (warn is warning) and `off` disables it", async () => {
    // In the folder its package names, so that buf's default rules pass it.
    const files = { "shop/catalog/v1/a.proto": ENUM_ACTIVE_ZERO() };
    const warn = await lint({ ...files, "charter.yaml": "version: 1\nlint:\n  rules: { ENUM_ZERO_VALUE_SUFFIX: warn }\n" });
    assert.deepEqual(warn.findings.filter((f) => f.rule === "ENUM_ZERO_VALUE_SUFFIX").map((f) => f.severity), ["warning"]);
    const off = await lint({ ...files, "charter.yaml": "version: 1\nlint:\n  rules: { ENUM_ZERO_VALUE_SUFFIX: off, owner-required: info }\n" });
    assert.equal(off.findings.filter((f) => f.rule === "ENUM_ZERO_VALUE_SUFFIX").length, 0);
    assert.deepEqual(off.findings.filter((f) => f.rule === "owner-required").map((f) => f.severity), ["info"]);
    assert.equal(off.summary.passed, true);
  });

  it("an unknown rule in lint.rules is a config error naming its line", async () => {
    await assert.rejects(lint({ "a.proto": proto(""), "charter.yaml": "version: 1\nlint:\n  rules:\n    ENUM_ZERO_VALUE: off\n" }), (error: unknown) =>
      error instanceof InputError && error.line === 4 && /unknown lint rule "ENUM_ZERO_VALUE"/.test(error.message));
  });
});
