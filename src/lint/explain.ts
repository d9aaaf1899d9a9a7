import { ruleMeta } from "../rules/catalog.js";
import type { RuleMeta } from "../rules/rule-meta.js";

const indent = (text: string) => text.trimEnd().split("\n").map((line) => `    ${line}`).join("\n");

/** The header line: id, kinds, and what the rule defaults to (a lint rule's severity; a breaking or verify rule's check and category). */
function header(rule: RuleMeta): string {
  const facts = [rule.kinds.join(", ")];
  if (rule.check === "lint") facts.push(`default severity ${rule.severity}`);
  else if (rule.check === "verify") facts.push(`verify, severity ${rule.severity}, category ${rule.category}`);
  else facts.push(`breaking, category ${rule.category}`);
  return `${rule.id} (${facts.join("; ")})`;
}

/** What a breaking rule's entry adds: its default verdicts, buf's categories, the peer it is named after. */
function breakingFacts(rule: RuleMeta): string[] {
  const lines: string[] = [];
  if (rule.verdicts) lines.push(`Default verdicts: backward ${rule.verdicts.backward}, forward ${rule.verdicts.forward}.`);
  else lines.push("Verdicts: judged per change, per flow of data (who writes the element decides which flow is backward).");
  if (rule.categories) {
    const { v1, v2 } = rule.categories;
    lines.push(v2.length ? `buf categories: ${v2.join(", ")}${v1 ? "" : " (buf.yaml v2 only)"}.` : "buf categories: none; charter runs it whatever buf.yaml selects.");
  }
  if (rule.peer) lines.push(`Named after ${rule.peer.tool}'s ${rule.peer.id}.`);
  return lines;
}

/**
 * What `charter lint --explain RULE` prints, from the rule catalog: id, kinds and default severity
 * (or, for a breaking rule, its category and default verdicts), the description, and a bad and a
 * good example where the rule has them.
 */
export function explainRule(id: string): string | undefined {
  const rule = ruleMeta(id);
  if (!rule) return undefined;
  const facts = rule.check === "breaking" ? breakingFacts(rule) : rule.peer ? [`Named after ${rule.peer.tool}'s ${rule.peer.id}.`] : [];
  const examples = rule.examples ? ["Bad:", "", indent(rule.examples.bad), "", "Good:", "", indent(rule.examples.good), ""] : [];
  return [header(rule), "", rule.description, "", ...(facts.length ? [...facts, ""] : []), ...examples].join("\n");
}
