import { lintRule } from "./rules/index.js";

const indent = (text: string) => text.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");

/** What `charter lint --explain RULE` prints: id, kinds and default severity, the description, a bad and a good example. */
export function explainRule(id: string): string | undefined {
  const rule = lintRule(id);
  if (!rule) return undefined;
  return [
    `${rule.id} (${rule.kinds.join(", ")}; default severity ${rule.defaultSeverity})`,
    "",
    rule.description,
    "",
    "Bad:",
    "",
    indent(rule.bad),
    "",
    "Good:",
    "",
    indent(rule.good),
    "",
  ].join("\n");
}
