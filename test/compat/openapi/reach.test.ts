import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { Ajv } from "ajv";
import { parse, stringify } from "yaml";
import { generateRing } from "../../../bench/openapi/generate.js";
import type { Report } from "../../../src/report/report.js";
import { charter, ROOT, tempTree } from "../../helpers/cli.js";
import { missedReaches, reachOracle } from "../../helpers/reach-oracle.js";

const validateReport = new Ajv({ strict: true, strictRequired: false }).compile(JSON.parse(readFileSync(join(ROOT, "schemas/report.schema.json"), "utf8")));

/** `charter breaking` (built CLI) of two OpenAPI texts, its JSON report validated against the shipped schema. */
function breaking(before: string, after: string, extra: string[] = []): Report {
  const dir = tempTree({ "before.yaml": before, "after.yaml": after });
  const run = charter(["breaking", "after.yaml", "--against", "before.yaml", "--format", "json", ...extra], dir);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const json: unknown = JSON.parse(run.stdout);
  assert.ok(validateReport(json), JSON.stringify(validateReport.errors));
  return json as Report;
}

const BEFORE = generateRing(false);
const AFTER = generateRing(true);

describe("the 500-operation ring: every resource reaches every other through parent", () => {
  const report = breaking(BEFORE, AFTER);

  it("reports each changed schema at every operation that reaches it (the reach oracle)", () => {
    const oracle = reachOracle(parse(BEFORE), parse(AFTER));
    // The oracle is not empty: every operation with a body reaches Resource0, 1 and 50.
    assert.deepEqual([...oracle.get("GET /r98/{id}") ?? []].sort(), ["Resource0", "Resource1", "Resource50"]);
    assert.deepEqual(missedReaches(report, oracle), []);
  });

  it("reports each schema change once per direction, however many operations reach it", () => {
    const schemaFindings = report.findings.filter((f) => f.affects);
    for (const name of ["Resource0", "Resource1", "Resource50"]) {
      const about = schemaFindings.filter((f) => f.fingerprint.includes(`:schema ${name} #/`));
      assert.deepEqual(about.map((f) => f.rule.split("-")[0]).sort(), ["request", "response"], name);
    }
    assert.ok(report.findings.length < 20, `${report.findings.length} findings for 5 source changes`);
  });

  it("gates a shared change at its worst over the operations it affects", () => {
    const enumAdded = report.findings.find((f) => f.rule === "response-property-enum-value-added")!;
    assert.equal(enumAdded.severity, "error");
    // GET /r0 ... GET /r98/{id}: 100 lists, 100 creates, 99 reads and 99 replaces answer with a resource.
    assert.equal(enumAdded.affects?.length, 398);
  });
});

describe("severity of a change many operations share", () => {
  /** A schema used by a beta operation and, when `stable`, by a stable one too; the revision narrows it. */
  const spec = (max: number, stable: boolean) => stringify({
    openapi: "3.0.3",
    info: { title: "Shared", version: "1" },
    paths: {
      "/beta": { get: { "x-stability-level": "beta", responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Note" } } } } } } },
      ...(stable ? { "/stable": { post: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Note" } } } }, responses: { "204": { description: "ok" } } } } } : {}),
      "/beta-write": { post: { "x-stability-level": "beta", requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Note" } } } }, responses: { "204": { description: "ok" } } } },
    },
    components: { schemas: { Note: { type: "object", properties: { text: { type: "string", maxLength: max } } } } },
  });
  const finding = (stable: boolean) => breaking(spec(100, stable), spec(50, stable)).findings.find((f) => f.rule === "request-property-max-length-decreased")!;

  it("is gated when one stable operation is affected, whatever the unstable ones", () => {
    assert.deepEqual([finding(true).severity, finding(true).affects], ["error", ["POST /stable", "POST /beta-write"]]);
  });
  it("is reported, not gated, when every operation it affects is unstable", () => {
    assert.deepEqual([finding(false).severity, finding(false).affects], ["info", ["POST /beta-write"]]);
  });
});

describe("fingerprints", () => {
  /** The ring with `extra` operations, on both sides: changes nobody made to the schemas. */
  const withUnrelated = (text: string, extra: Record<string, unknown>, drop: string[]) => {
    const doc = parse(text) as { paths: Record<string, unknown> };
    for (const path of drop) delete doc.paths[path];
    Object.assign(doc.paths, extra);
    return stringify(doc, { aliasDuplicateObjects: false });
  };
  const fingerprints = (report: Report) => report.findings.filter((f) => f.affects).map((f) => f.fingerprint).sort();

  it("stay the same when unrelated operations come or go", () => {
    const plain = fingerprints(breaking(BEFORE, AFTER));
    const health = { "/health": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Resource7" } } } } } } } };
    const moved = fingerprints(breaking(withUnrelated(BEFORE, health, ["/r0", "/r12/{id}"]), withUnrelated(AFTER, health, ["/r0", "/r12/{id}"])));
    assert.deepEqual(moved, plain);
  });

  it("an old baseline's per-operation fingerprints still accept the change", () => {
    const dir = tempTree({ "before.yaml": BEFORE, "after.yaml": AFTER });
    const old = (rule: string, element: string) => ({ fingerprint: `${rule}:after.yaml:${element}`, rule, kind: "openapi", contract: "after.yaml", reason: "accepted before one finding per change" });
    writeFileSync(join(dir, "baseline.json"), JSON.stringify({
      version: 1,
      // What charter 1 wrote for the enum value added to Resource0, as seen from one operation.
      entries: [old("response-property-enum-value-added", "GET /r0/{} 200 application/json #/status")],
    }));
    const run = charter(["check", "after.yaml", "--against", "before.yaml", "--format", "json", "--baseline", "baseline.json"], dir);
    const rules = (JSON.parse(run.stdout) as Report).findings.map((f) => f.rule);
    assert.ok(!rules.includes("response-property-enum-value-added"), run.stdout.slice(0, 2000));
    assert.ok(rules.includes("request-property-became-required"), "the other changes are still reported");

    // Rewritten, the entry moves to the new fingerprint and keeps its reason.
    charter(["check", "after.yaml", "--against", "before.yaml", "--write-baseline", "baseline.json"], dir);
    const rewritten = JSON.parse(readFileSync(join(dir, "baseline.json"), "utf8")) as { entries: { fingerprint: string; reason: string }[] };
    const entry = rewritten.entries.find((e) => e.fingerprint.startsWith("response-property-enum-value-added:"));
    assert.deepEqual(entry, { ...entry, fingerprint: "response-property-enum-value-added:after.yaml:schema Resource0 #/status", reason: "accepted before one finding per change" });
  });
});
