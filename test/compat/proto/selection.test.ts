import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PROTO_RULES, CHARTER_RULE_IDS } from "../../../src/compat/proto/rules/index.js";
import { selectRules } from "../../../src/compat/proto/selection.js";

const select = (bufYaml: string | undefined, charter: { use?: string[]; except?: string[] } = {}) =>
  selectRules(PROTO_RULES, CHARTER_RULE_IDS, bufYaml, charter);

describe("rule selection from buf.yaml and charter.yaml", () => {
  it("runs buf's FILE set by default, plus charter's own rules", () => {
    const { ids } = select(undefined);
    assert.ok(ids.has("FIELD_NO_DELETE") && ids.has("FILE_NO_DELETE") && ids.has("EXTENSION_NO_DELETE"));
    assert.ok(!ids.has("PACKAGE_NO_DELETE"), "PACKAGE rules are not in FILE");
    assert.ok(ids.has("enum-value-added"));
  });

  it("expands categories per config version (EXTENSION_NO_DELETE is v2 only)", () => {
    assert.ok(!select("version: v1\n").ids.has("EXTENSION_NO_DELETE"));
    assert.ok(select("version: v2\n").ids.has("EXTENSION_NO_DELETE"));
  });

  it("use, except and deprecated ids", () => {
    const { ids } = select("version: v1\nbreaking:\n  use: [WIRE, FIELD_SAME_LABEL]\n  except: [FIELD_WIRE_COMPATIBLE_TYPE, field-added]\n");
    assert.ok(ids.has("FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"));
    assert.ok(ids.has("FIELD_SAME_CARDINALITY"), "FIELD_SAME_LABEL expands to its replacements");
    assert.ok(!ids.has("FIELD_WIRE_COMPATIBLE_TYPE"));
    assert.ok(!ids.has("field-added"), "charter's rules can be excepted");
    assert.ok(!ids.has("FIELD_NO_DELETE"), "not in WIRE");
  });

  it("charter.yaml wins where both speak", () => {
    const { ids } = select("version: v2\nbreaking:\n  use: [PACKAGE]\n", { use: ["WIRE"] });
    assert.ok(!ids.has("PACKAGE_NO_DELETE"));
    assert.ok(ids.has("FIELD_WIRE_COMPATIBLE_TYPE"));
  });

  it("ignore, ignore_only and ignore_unstable_packages", () => {
    const s = select("version: v1\nbreaking:\n  ignore: [legacy]\n  ignore_only:\n    WIRE: [a/b.proto]\n  ignore_unstable_packages: true\n");
    assert.deepEqual(s.ignore, ["legacy"]);
    assert.deepEqual(s.ignoreOnly.get("FIELD_WIRE_COMPATIBLE_TYPE"), ["a/b.proto"]);
    assert.equal(s.ignoreUnstablePackages, true);
  });
});
