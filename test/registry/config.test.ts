import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../src/errors.js";
import { loadConfig } from "../../src/registry/config.js";
import { matchesGlob } from "../../src/registry/glob.js";

const load = (text: string) => loadConfig(new Map([["charter.yaml", text]]), "reg/charter.yaml");

function errorOf(text: string): string {
  try {
    load(text);
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.toString();
  }
  assert.fail("expected an error");
}

describe("charter.yaml", () => {
  it("has defaults when absent", () => {
    const config = loadConfig(new Map(), "charter.yaml");
    assert.deepEqual(config.compatibility, { api: "BACKWARD", data: "FULL" });
    assert.equal(config.releases, "v*");
  });

  it("reads settings", () => {
    const config = load('version: 1\ncompatibility: { data: FORWARD }\ncontracts:\n  "orders/**": { owner: team-orders, compatibility: FULL_TRANSITIVE }\n');
    assert.deepEqual(config.compatibility, { api: "BACKWARD", data: "FORWARD" });
    assert.equal(config.contracts["orders/**"].compatibility, "FULL_TRANSITIVE");
  });

  it("names an unknown key with its line and column", () => {
    assert.equal(errorOf("version: 1\nbreaking:\n  ignore: []\n  excpet: [X]\n"), 'reg/charter.yaml:4:3: unknown key "excpet" in breaking');
    assert.equal(errorOf("version: 1\ncolour: blue\n"), 'reg/charter.yaml:2:1: unknown key "colour"');
  });

  it("names a bad value with its line and column", () => {
    assert.match(errorOf("version: 1\ncompatibility:\n  api: SIDEWAYS\n"), /^reg\/charter\.yaml:3:8: compatibility\.api must be equal to one of the allowed values/);
    assert.match(errorOf("version: 2\n"), /^reg\/charter\.yaml:1:10: version must be equal to constant/);
  });

  it("names a YAML syntax error", () => {
    assert.match(errorOf("version: 1\ncontracts: [\n"), /^reg\/charter\.yaml:\d+:\d+: /);
  });
});

describe("globs", () => {
  const rows: [string, string, boolean][] = [
    ["orders/v1/a.proto", "orders/**", true],
    ["orders/a.proto", "orders/**", true],
    ["orders2/a.proto", "orders/**", false],
    ["a/orders/x.proto", "**/orders/*.proto", true],
    ["orders/v1/a.proto", "orders/*", false],
    ["orders/v1/a.proto", "orders/v?/*.proto", true],
    // Brace and class patterns, as buf and Spectral configs write them.
    ["orders/v1/a.yml", "**/*.{yaml,yml}", true],
    ["a.yaml", "**/*.{yaml,yml}", true],
    ["a.json", "**/*.{yaml,yml}", false],
    ["orders/b1.proto", "orders/[a-c]*.proto", true],
    ["orders/d1.proto", "orders/[a-c]*.proto", false],
    ["orders/v2/a.proto", "orders/v[^1]/*.proto", true],
    ["orders/v1/a.proto", "orders/v[^1]/*.proto", false],
    ["orders/v1/a.proto", "{orders,billing}/**", true],
    ["billing/a.proto", "{orders,billing}/**", true],
    ["shipping/a.proto", "{orders,billing}/**", false],
    // Characters that are literal in a path stay literal.
    ["v1.2/a.proto", "v1.2/*", true],
    ["v1x2/a.proto", "v1.2/*", false],
    ["a+b/c.proto", "a+b/*", true],
    ["a/.hidden.yaml", "a/*.yaml", true],
  ];
  for (const [path, glob, expected] of rows) {
    it(`${glob} ${expected ? "matches" : "does not match"} ${path}`, () => assert.equal(matchesGlob(path, glob), expected));
  }
});
