import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { changelogOf } from "../../src/report/changelog.js";
import { applyGate } from "../../src/report/gate.js";
import { hideBelow, selectPaths } from "../../src/report/select.js";
import { formatText } from "../../src/report/text.js";
import { LINT_REPORT, REPORT } from "./fixture.js";

const count = (severity: string) => REPORT.findings.filter((f) => f.severity === severity).length;

describe("the gate (--fail-on)", () => {
  it("fails on errors by default and on warnings when asked", () => {
    const errorsOnly = { ...REPORT, findings: REPORT.findings.filter((f) => f.severity !== "error") };
    assert.equal(applyGate(errorsOnly, "error").summary.passed, true);
    assert.equal(applyGate(errorsOnly, "warning").summary.passed, false);
    const contract = applyGate(errorsOnly, "warning").contracts.find((c) => c.id === "urn:shop:order-events");
    assert.equal(contract?.passed, false, "a contract with a warning fails at --fail-on warning");
  });
});

describe("--severity", () => {
  it("hides what is below it and keeps the counts and verdict of the whole report", () => {
    const shown = hideBelow(REPORT, "warning");
    assert.equal(shown.findings.length, REPORT.findings.length - count("info"));
    assert.deepEqual(shown.summary, REPORT.summary);
    assert.match(formatText(shown), new RegExp(`; ${count("info")} findings? below --severity not shown\\n$`));
  });
});

describe("--path and --exclude-path", () => {
  it("keeps findings by registry-relative file, as a glob or a folder, and recounts", () => {
    const users = selectPaths(REPORT, { base: "contracts", include: ["users"], exclude: [] });
    assert.deepEqual(users.contracts.map((c) => c.id), ["shop.users.v1"]);
    assert.ok(users.findings.every((f) => f.contract === "shop.users.v1"));
    assert.equal(users.summary.findings, users.findings.length);
    const noProto = selectPaths(REPORT, { base: "contracts", include: [], exclude: ["**/*.proto"] });
    assert.ok(noProto.findings.every((f) => f.kind !== "proto"));
    assert.deepEqual(selectPaths(LINT_REPORT, { base: "contracts", include: [], exclude: [] }), LINT_REPORT);
  });
});

describe("the changelog model", () => {
  it("groups the breaking report's changes per contract, breaking first, without lint findings", () => {
    const log = changelogOf(REPORT);
    assert.equal(log.from, "git:main");
    assert.ok(log.contracts.every((c) => c.entries.every((e, i, all) => i === 0 || ["error", "warning", "info"].indexOf(all[i - 1].severity) <= ["error", "warning", "info"].indexOf(e.severity))));
    const changes = REPORT.findings.filter((f) => f.category === "breaking");
    assert.equal(log.summary.changes, changes.length);
    assert.equal(log.summary.breaking, changes.filter((f) => f.severity === "error").length);
    assert.ok(!log.contracts.some((c) => c.entries.some((e) => e.rule === "ENUM_ZERO_VALUE_SUFFIX")), "lint findings are not changes");
  });
});
