import type { Severity } from "../compat/finding.js";
import type { Changelog, ChangelogEntry } from "./changelog.js";
import { affectsText, plural } from "./group.js";
import { cell, code } from "./markdown.js";

// Under the contract's mode: an info may still break one direction the mode does not guard.
const LABELS: Record<Severity, string> = { error: "breaking", warning: "needs care", info: "non-breaking" };

/** ` (in 2 operations: POST /orders, GET /orders/{orderId})` for a change to a shared schema. */
const reach = (e: ChangelogEntry) => (e.affects ? ` (${affectsText(e)})` : "");

const where = (e: ChangelogEntry) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}` : "");

const headline = (log: Changelog) =>
  `${plural(log.summary.changes, "change")} in ${plural(log.summary.contracts, "contract")} from ${log.from} to ${log.to}: ${log.summary.breaking} breaking, ${log.summary.warnings} needing care`;

/** The changelog as plain text: a heading line per contract, one line per change. */
export function changelogText(log: Changelog): string {
  const lines = [headline(log)];
  for (const c of log.contracts) {
    lines.push("", `${c.id} (${c.kind}, ${c.change}${c.mode ? `, ${c.mode}` : ""})`);
    for (const e of c.entries) {
      lines.push(`  ${LABELS[e.severity]}: ${e.message}${reach(e)} [backward ${e.backward}, forward ${e.forward}]${e.location ? ` ${where(e)}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The changelog as Markdown release notes: a section per contract, breaking changes first. */
export function changelogMarkdown(log: Changelog): string {
  const lines = [`## Changes from ${code(log.from)} to ${code(log.to)}`, "", `${cell(headline(log))}.`];
  for (const c of log.contracts) {
    lines.push("", `### ${code(c.id)}`, "", `${c.kind}, ${c.change}${c.mode ? `, mode ${c.mode}` : ""}`, "");
    for (const e of c.entries) {
      lines.push(`- **${LABELS[e.severity]}**: ${cell(`${e.message}${reach(e)}`)} (backward ${e.backward}, forward ${e.forward})${e.location ? ` ${code(where(e))}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

export function changelogJson(log: Changelog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
