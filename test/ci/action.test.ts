/**
 * The GitHub Action (action.yml) and the repository's workflows: valid against GitHub's action and
 * workflow schemas (SchemaStore's github-action.json and github-workflow.json, as
 * @action-validator/core embeds them), and the action's own shell steps run here as a runner
 * would run them, on the example registry.
 */
import { validateAction, validateWorkflow, type ValidationError } from "@action-validator/core";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { ROOT } from "../helpers/cli.js";

const ACTION_TEXT = readFileSync(join(ROOT, "action.yml"), "utf8");
const WORKFLOWS = join(ROOT, ".github", "workflows");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { steps: Step[] };
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const action = parseYaml(ACTION_TEXT) as Action;

/** Each error on one line, nested one-of alternatives flattened, so a failure says where. */
function describeErrors(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [
    `${"path" in e ? e.path : ""} ${e.title}${e.detail ? `: ${e.detail}` : ""}`,
    ...("states" in e ? (e.states ?? []).flatMap((s) => describeErrors(s.errors)) : []),
  ]);
}

describe("GitHub's schemas", () => {
  it("accept action.yml", () => {
    assert.deepEqual(describeErrors(validateAction(ACTION_TEXT).errors), []);
  });

  for (const file of readdirSync(WORKFLOWS)) {
    it(`accept .github/workflows/${file}`, () => {
      assert.deepEqual(describeErrors(validateWorkflow(readFileSync(join(WORKFLOWS, file), "utf8")).errors), []);
    });
  }

  it("refuse an action whose composite step names no shell (the check can fail)", () => {
    const broken = ACTION_TEXT.replace(/\n {6}shell: bash\n/, "\n");
    assert.notEqual(broken, ACTION_TEXT);
    assert.notDeepEqual(validateAction(broken).errors, []);
  });
});

describe("the repository's workflow", () => {
  const steps = readdirSync(WORKFLOWS).flatMap((file) =>
    Object.values((parseYaml(readFileSync(join(WORKFLOWS, file), "utf8")) as Workflow).jobs).flatMap((job) => job.steps));

  it("runs the action from this checkout, passing only inputs the action declares", () => {
    const local = steps.filter((s) => s.uses === "./");
    assert.ok(local.length > 0, "no step says `uses: ./`");
    for (const step of local) {
      assert.deepEqual(Object.keys(step.with ?? {}).filter((k) => !(k in action.inputs)), [], step.name);
    }
  });

  it("needs nothing beside the checkout", () => {
    for (const step of steps) assert.doesNotMatch(JSON.stringify(step), /\.\.\/shared/, step.name ?? step.run);
  });
});

/**
 * Runs one of the action's `run:` steps with bash as the runner does, its `${{ }}` expressions
 * replaced from `context` (an expression the test does not know fails the test).
 */
function runStep(id: string, context: Record<string, string>, workspace: string): { status: number; stdout: string; outputs: Record<string, string> } {
  const step = action.runs.steps.find((s) => s.id === id || s.name === id);
  assert.ok(step?.run, `no run step ${id}`);
  const expand = (text: string) => text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    assert.ok(expression in context, `the test does not know \${{ ${expression} }}`);
    return context[expression];
  });
  const temp = mkdtempSync(join(tmpdir(), "charter-action-"));
  const output = join(temp, "output");
  writeFileSync(output, "");
  const env = {
    ...process.env,
    ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])),
    GITHUB_OUTPUT: output,
    GITHUB_ACTION_PATH: ROOT,
    RUNNER_TEMP: temp,
    HOME: temp,
    GITHUB_STEP_SUMMARY: join(temp, "summary.md"),
  };
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", expand(step.run)], { cwd: workspace, env, encoding: "utf8" });
  const outputs = Object.fromEntries(readFileSync(output, "utf8").split("\n").filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { status: result.status ?? -1, stdout: result.stdout + result.stderr, outputs: { ...outputs, temp } };
}

describe("the action's steps, run here on the example registry", () => {
  const inputs = (given: Record<string, string>) => ({
    ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [`inputs.${name}`, given[name] ?? input.default ?? ""])),
    "github.action_path": ROOT,
  });

  /** A runner's workspace: a copy of the example registry and its previous release. */
  const workspace = () => {
    const dir = mkdtempSync(join(tmpdir(), "charter-workspace-"));
    cpSync(join(ROOT, "contracts"), join(dir, "contracts"), { recursive: true });
    cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
    return dir;
  };

  it("reports the example's breaking changes as findings: annotations, SARIF, the Markdown comment, status 1", () => {
    const dir = workspace();
    const check = runStep("check", inputs({ against: "examples/shop-v1.0", comment: "true", strict: "true" }), dir);
    assert.equal(check.outputs.status, "1", check.stdout);
    assert.match(check.stdout, /^::error file=contracts\/users\/v1\/user_profile\.proto,line=6/m);
    assert.ok(existsSync(join(dir, "charter.sarif")));
    assert.match(readFileSync(join(check.outputs.temp, "charter-report.md"), "utf8"), /^<!--.*-->\n❌/);

    const gate = runStep("Gate", { "steps.check.outputs.status": check.outputs.status }, dir);
    assert.equal(gate.status, 1);
    assert.match(gate.stdout, /^::error::charter: findings fail the gate/m);
  });

  it("passes a registry compared with itself, and says when charter could not run (status 2)", () => {
    const dir = workspace();
    const pass = runStep("check", inputs({ against: "contracts" }), dir);
    assert.equal(pass.outputs.status, "0", pass.stdout);
    assert.equal(runStep("Gate", { "steps.check.outputs.status": "0" }, dir).status, 0);

    const bad = runStep("check", inputs({ against: "contracts", mode: "SIDEWAYS" }), dir);
    assert.equal(bad.outputs.status, "2", bad.stdout);
    const gate = runStep("Gate", { "steps.check.outputs.status": "2" }, dir);
    assert.equal(gate.status, 2);
    assert.match(gate.stdout, /^::error::charter could not run \(exit 2\)/m);
  });
});
