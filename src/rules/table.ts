import type { RuleMeta } from "./rule-meta.js";

/** What a rule does by default: a lint rule's severity, a breaking rule's verdicts where it has one default. */
const defaultOf = (rule: RuleMeta): string =>
  rule.severity ?? (rule.verdicts ? `${rule.verdicts.backward}/${rule.verdicts.forward}` : "by change");

/**
 * `charter rules` as text: one row per rule (id, kinds, check, category, default), columns padded
 * to their widest cell, as `buf config ls-breaking-rules` prints its rules.
 */
export function formatRuleTable(rules: readonly RuleMeta[]): string {
  const rows = [
    ["ID", "KINDS", "CHECK", "CATEGORY", "DEFAULT"],
    ...rules.map((rule) => [rule.id, rule.kinds.join(","), rule.check, rule.category, defaultOf(rule)]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ")).join("\n") + "\n";
}
