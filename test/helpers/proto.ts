import assert from "node:assert/strict";
import { it } from "node:test";
import { checkProto } from "../../src/compat/proto/check.js";
import type { Change } from "../../src/compat/finding.js";
import type { Snapshot } from "../../src/registry/snapshot.js";

export function snapshot(files: Record<string, string>, label = "test"): Snapshot {
  return { label, files: new Map(Object.entries(files)), base: "" };
}

/**
 * Compiles two in-memory registries with buf and returns charter's changes. With `rules`, only
 * those rule ids run (via a generated buf.yaml), as buf's own tests select one rule at a time.
 */
export async function compare(before: Record<string, string>, after: Record<string, string>, rules?: string[]): Promise<Change[]> {
  const config: Record<string, string> = rules ? { "buf.yaml": `version: v2\nbreaking:\n  use: [${rules.join(", ")}]\n` } : {};
  const { changes } = await checkProto(snapshot(before), snapshot({ ...after, ...config }), {});
  return rules ? changes.filter((c) => rules.includes(c.rule)) : changes;
}

/** The one change a rule reported, as the tables assert it: rule, backward, forward. */
export function verdicts(changes: Change[], rule: string): { backward: string; forward: string }[] {
  return changes.filter((c) => c.rule === rule).map(({ backward, forward }) => ({ backward, forward }));
}

/** A table row for one rule: its single finding (or none, when no verdicts) and a piece of its message. */
export interface RuleRow {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  rule: string;
  backward?: string;
  forward?: string;
  message?: string;
}

/** One test per row, each compiling its two versions with buf and running only the row's rule. */
export function ruleTable(rows: RuleRow[]): void {
  for (const row of rows) {
    it(row.name, async () => {
      const changes = await compare(row.before, row.after, [row.rule]);
      assert.deepEqual(verdicts(changes, row.rule), row.backward ? [{ backward: row.backward, forward: row.forward }] : []);
      if (row.message) assert.ok(changes[0].message.includes(row.message), changes[0].message);
    });
  }
}
