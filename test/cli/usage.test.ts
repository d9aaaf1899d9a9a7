import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Report } from "../../src/report/report.js";
import { VERSION } from "../../src/version.js";
import { charter, git, tempTree } from "../helpers/cli.js";
import { assertGolden } from "../helpers/golden.js";

const EXAMPLE = ["contracts", "--against", "examples/shop-v1.0"];
const FORMATS = ["text", "json", "sarif", "github", "junit", "markdown"];

describe("finding one's way", () => {
  it("bare charter lists the commands on stderr and exits 2, as a usage error", () => {
    const run = charter([]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, "");
    assertGolden("cli/usage.txt", run.stderr);
  });

  it("charter help COMMAND is charter COMMAND --help", () => {
    assert.equal(charter(["help", "changelog"]).stdout, charter(["changelog", "--help"]).stdout);
  });

  it("-h prints the same list on stdout, exit 0; -v prints the version", () => {
    const help = charter(["-h"]);
    assert.equal(help.status, 0);
    assert.equal(`${help.stdout}`, readFileSync(join(import.meta.dirname, "../golden/cli/usage.txt"), "utf8"));
    const version = charter(["-v"]);
    assert.deepEqual([version.status, version.stdout], [0, `${VERSION}\n`]);
  });

  for (const command of ["lint", "breaking", "check"]) {
    it(`${command} --help lists all six formats and the report options`, () => {
      const run = charter([command, "--help"]);
      assert.equal(run.status, 0);
      assert.ok(run.stdout.includes(FORMATS.join("|")), run.stdout);
      for (const option of ["--fail-on", "--severity", "--path", "--exclude-path"]) assert.ok(run.stdout.includes(option), option);
    });
  }

  it("bad command lines get one line each, with a suggestion for a typo", () => {
    const dir = tempTree({});
    const lines = [
      ["brekaing"],
      ["breaking", "--againts", "examples/shop-v1.0"],
      ["lint", "--formt", "json"],
      ["breaking", "contracts"],
      ["lint", "--fail-on", "fatal"],
      ["docss"],
      ["docs", "--prot", "4000"],
      ["lint", "contracts", "extra"],
      ["xyz"],
      ["breaking", ...EXAMPLE, "--format", "json=contracts/report.json"],
      ["breaking", ...EXAMPLE, "--format", "json=examples/shop-v1.0/x.json"],
      ["lint", "contracts/orders/orders.openapi.yaml", "--format", "json=contracts/orders/orders.openapi.yaml"],
      ["breaking", ...EXAMPLE, "--format", `json=${join(dir, "r")}`, "--format", `sarif=${dir}/./r`],
    ].map((args) => {
      const run = charter(args);
      assert.equal(run.status, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.equal(run.stderr.split("\n").length, 2, run.stderr);
      return `$ charter ${args.join(" ")}\n${run.stderr}`.replaceAll(dir, "TMP");
    });
    assertGolden("cli/messages.txt", lines.join(""));
    assert.ok(!existsSync(join(dir, "r")), "nothing is written when the command line is refused");
  });
});

describe("report files", () => {
  it("may sit in a registry only under a name charter never reads there", () => {
    const dir = tempTree({ "reg/m.proto": 'syntax = "proto3";\npackage p.v1;\nmessage M {}\n' });
    const run = (format: string) => charter(["breaking", "reg", "--against", "reg", "--format", format], dir);
    assert.equal(run("sarif=reg/charter.sarif").status, 0);
    assert.equal(run("sarif=reg/charter.sarif").status, 0, "and may be rewritten by the next run");
    assert.match(run("json=reg/report.json").stderr, /^charter: --format json=reg\/report\.json is inside the registry reg, where charter reads \.json files as contracts/);
    assert.equal(run("markdown=reg/m.proto").status, 2);
    assert.equal(readFileSync(join(dir, "reg/m.proto"), "utf8").startsWith("syntax"), true);
  });
});

describe("reading the report", () => {
  it("when every format goes to a file, one verdict line on stderr says what was written", () => {
    const dir = tempTree({});
    const run = charter(["breaking", ...EXAMPLE, "--format", `json=${join(dir, "r.json")}`, "--format", `junit=${join(dir, "r.xml")}`]);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, "");
    assert.equal(
      run.stderr.replaceAll(dir, "TMP"),
      "failed: 6 contracts, 3 errors, 2 warnings, 10 infos (against examples/shop-v1.0); wrote json to TMP/r.json, junit to TMP/r.xml\n",
    );
    assert.ok(existsSync(join(dir, "r.json")) && existsSync(join(dir, "r.xml")));
  });

  it("--severity warning hides infos from what is shown, not from the verdict", () => {
    const run = charter(["breaking", ...EXAMPLE, "--severity", "warning"]);
    assert.equal(run.status, 1);
    assert.ok(!/ info /.test(run.stdout), run.stdout);
    assert.match(run.stdout, /^failed: 6 contracts, 3 errors, 2 warnings, 10 infos \(against examples\/shop-v1\.0\); 10 findings below --severity not shown$/m);
    const json = JSON.parse(charter(["breaking", ...EXAMPLE, "--severity", "error", "--format", "json"]).stdout) as Report;
    assert.deepEqual([...new Set(json.findings.map((f) => f.severity))], ["error"]);
  });

  it("text gives the ship-it hint once per contract, not on every error line", () => {
    const run = charter(["breaking", ...EXAMPLE]);
    const hints = run.stdout.split("\n").filter((l) => l.includes("To ship it"));
    assert.deepEqual(hints.map((l) => l.split(":")[0]), ["shop.users.v1", "shop.orders.v1"]);
  });

  it("changes to unstable packages say they are not gated", () => {
    const proto = (fields: string) => `syntax = "proto3";\npackage shop.beta.v1beta1;\nmessage M {\n${fields}}\n`;
    const dir = tempTree({ "old/m.proto": proto("  string a = 1;\n  string b = 2;\n"), "new/m.proto": proto("  string a = 1;\n") });
    const run = charter(["breaking", "new", "--against", "old"], dir);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /info FIELD_NO_DELETE .* Not gated: shop\.beta\.v1beta1 is unstable\. \[/);
  });
});

describe("the gate", () => {
  it("--fail-on picks the lowest severity that fails; --strict first makes conditional changes errors", () => {
    const dir = tempTree({ "old/m.proto": 'syntax = "proto3";\npackage p.v1;\nenum E {\n  E_UNSPECIFIED = 0;\n}\n' });
    writeFileSync(join(dir, "new.proto"), 'syntax = "proto3";\npackage p.v1;\nenum E {\n  E_UNSPECIFIED = 0;\n  E_A = 1;\n}\n');
    mkdirSync(join(dir, "new"));
    writeFileSync(join(dir, "new/m.proto"), readFileSync(join(dir, "new.proto")));
    const status = (...extra: string[]) => charter(["breaking", "new", "--against", "old", "--mode", "FULL", ...extra], dir).status;
    // An added enum value is a warning under FULL (old readers need a fallback).
    assert.equal(status(), 0);
    assert.equal(status("--fail-on", "warning"), 1);
    assert.equal(status("--fail-on", "info"), 1);
    assert.equal(status("--strict"), 1);
    assert.equal(status("--strict", "--fail-on", "error"), 1);
  });

  it("--path and --exclude-path keep some of the registry's files, by glob or folder", () => {
    const only = (...args: string[]) => JSON.parse(charter(["breaking", ...EXAMPLE, "--format", "json", ...args]).stdout) as Report;
    const orders = only("--path", "orders");
    assert.deepEqual([...new Set(orders.contracts.map((c) => c.path))].sort(), ["orders/order-events.asyncapi.yaml", "orders/orders.openapi.yaml"]);
    assert.ok(orders.findings.every((f) => f.location?.file.startsWith("contracts/orders/")));
    const events = only("--path", "orders", "--exclude-path", "**/*.openapi.yaml");
    assert.deepEqual(events.contracts.map((c) => c.path), ["orders/order-events.asyncapi.yaml"]);
    assert.equal(events.summary.passed, true, "the excluded OpenAPI errors fail nothing");
    assert.equal(charter(["breaking", ...EXAMPLE, "--exclude-path", "orders/orders.openapi.yaml", "--exclude-path", "users"]).status, 0);
  });
});

describe("one contract file", () => {
  const registry = (config: string) => {
    const dir = tempTree({
      "reg/orders/orders.openapi.yaml": readFileSync("examples/shop-v1.0/orders/orders.openapi.yaml", "utf8"),
      "reg/orders/broken.openapi.yaml": "openapi: 3.1.0\ninfo: { title: x, version: '1' }\npaths: {}\n",
      ...(config ? { "reg/charter.yaml": config } : {}),
    });
    git(dir, "init", "-q");
    return dir;
  };

  it("is linted with the charter.yaml of the registry above it, alone", () => {
    const dir = registry('version: 1\ncontracts:\n  "orders/**": { owner: team-orders }\nlint:\n  rules: { slo-required: "off" }\n');
    const report = JSON.parse(charter(["lint", "reg/orders/orders.openapi.yaml", "--format", "json"], dir).stdout) as Report;
    assert.deepEqual(report.contracts.map((c) => c.path), ["orders/orders.openapi.yaml"]);
    assert.deepEqual([...new Set(report.findings.map((f) => f.rule))], ["operation-timeout"]);
    assert.ok(report.findings.every((f) => f.location?.file === "reg/orders/orders.openapi.yaml"));
  });

  it("without a charter.yaml up to the repository root, uses the defaults", () => {
    const dir = registry("");
    const report = JSON.parse(charter(["lint", "reg/orders/orders.openapi.yaml", "--format", "json"], dir).stdout) as Report;
    assert.ok(report.findings.some((f) => f.rule === "owner-required"));
  });

  it("breaking and check on one file take the registry's modes", () => {
    const dir = registry('version: 1\ncompatibility: { api: NONE, data: NONE }\ncontracts:\n  "orders/**": { owner: team-orders }\n');
    const before = readFileSync(join(dir, "reg/orders/orders.openapi.yaml"), "utf8");
    writeFileSync(join(dir, "old.openapi.yaml"), before);
    writeFileSync(join(dir, "reg/orders/orders.openapi.yaml"), before.replace("maxLength: 1000", "maxLength: 500"));
    const run = charter(["breaking", "reg/orders/orders.openapi.yaml", "--against", "old.openapi.yaml", "--format", "json"], dir);
    const report = JSON.parse(run.stdout) as Report;
    assert.deepEqual(report.contracts.map((c) => [c.path, c.mode]), [["orders/orders.openapi.yaml", "NONE"]]);
    assert.equal(run.status, 0);
    const check = charter(["check", "reg/orders/orders.openapi.yaml", "--against", "old.openapi.yaml", "--format", "json"], dir);
    const checked = JSON.parse(check.stdout) as Report;
    assert.deepEqual(checked.contracts.map((c) => c.path), ["orders/orders.openapi.yaml"], "the broken neighbour is not a contract here");
    assert.ok(!checked.findings.some((f) => f.rule === "owner-required"), "the owner comes from the registry's charter.yaml");
    assert.equal(check.status, 0, check.stderr);
  });
});

describe("charter init", () => {
  it("writes a charter.yaml that charter reads and a workflow using the action; never overwrites", () => {
    const dir = tempTree({ "contracts/orders/orders.openapi.yaml": readFileSync("examples/shop-v1.0/orders/orders.openapi.yaml", "utf8") });
    git(dir, "init", "-q");
    const run = charter(["init"], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, "wrote contracts/charter.yaml\nwrote .github/workflows/contracts.yml\n");
    const workflow = readFileSync(join(dir, ".github/workflows/contracts.yml"), "utf8");
    assert.match(workflow, /uses: [\w-]+\/charter@\S+\n\s+with:\n\s+registry: contracts\n\s+fail-on: error/);
    assert.equal(charter(["lint", "contracts"], dir).status === 2, false, "the starter config is valid");

    writeFileSync(join(dir, ".github/workflows/contracts.yml"), "mine\n");
    const again = charter(["init"], dir);
    assert.equal(again.status, 2);
    assert.equal(again.stderr, "charter: contracts/charter.yaml and .github/workflows/contracts.yml already exist: charter init writes nothing over them\n");
    assert.equal(readFileSync(join(dir, ".github/workflows/contracts.yml"), "utf8"), "mine\n");
    const elsewhere = charter(["init", "reg"], dir);
    assert.equal(elsewhere.stderr, "charter: .github/workflows/contracts.yml already exists: charter init writes nothing over it\n");
    assert.ok(!existsSync(join(dir, "reg/charter.yaml")), "nothing is written when one file is taken");
  });
});

describe("charter changelog", () => {
  it("lists every change between two versions per contract, in text, Markdown and JSON", () => {
    const text = charter(["changelog", ...EXAMPLE]);
    assert.equal(text.status, 0, text.stderr);
    assertGolden("report/changelog.txt", text.stdout);
    assertGolden("report/changelog.md", charter(["changelog", ...EXAMPLE, "--format", "markdown"]).stdout);
    const json = JSON.parse(charter(["changelog", ...EXAMPLE, "--format", "json"]).stdout) as { summary: { changes: number; breaking: number } };
    assert.deepEqual(json.summary, { contracts: 6, changes: 15, breaking: 3, warnings: 2 });
    assert.equal(charter(["changelog", ...EXAMPLE, "--format", "sarif"]).status, 2);
  });
});
