import type { Finding, Severity } from "../compat/finding.js";
import { kindInfo } from "../contracts/kinds.js";
import { affectsText, counts, groupByContract, place, plural } from "./group.js";
import type { Report } from "./report.js";
import { describeRule } from "./rules.js";

/** The first line of every comment: a bot finds its earlier comment by it and edits it in place. */
export const MARKDOWN_MARKER = "<!-- charter-report -->";

/**
 * Text in a table cell, rendered as written: the characters that start inline Markdown or HTML
 * (code, emphasis, links, tags, entities, strike-through) are backslash-escaped, `|` too as it
 * would end the cell, and line breaks, which would end the table, become `<br>`. Block syntax
 * (`#`, `+`, `1.`) means nothing inside a cell.
 */
export const cell = (s: string) => s.replace(/[\\`*_[\]<>|~&]/g, "\\$&").replace(/\r?\n|\r/g, "<br>");

/** An identifier or path in a code span; only `|` still needs escaping there inside a table. */
export const code = (s: string) => (s.includes("`") ? cell(s) : `\`${s.replace(/\|/g, "\\|")}\``);

const ICONS: Record<Severity, string> = { error: "🔴 error", warning: "🟡 warning", info: "🔵 info" };

const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)];
}

/** `main` is the version the run compared with; a finding against an older release (transitive modes) names it. */
function findingRow(f: Finding, main: string | undefined): string[] {
  const verdicts = f.category === "breaking" ? ` (backward ${f.backward}, forward ${f.forward})` : "";
  const release = f.against && f.against !== main ? ` (against ${f.against})` : "";
  const where = place(f);
  const affects = affectsText(f);
  return [ICONS[f.severity], code(f.rule), where ? code(where) : "", cell(`${f.message}${affects ? ` (${affects})` : ""}${release}${verdicts}`)];
}

/** The rules the findings carry, each with its sentence from the rule catalog, folded: what an unfamiliar id means. */
function rulesTable(report: Report): string[] {
  const ids = [...new Set(report.findings.map((f) => f.rule))].sort();
  const rows = ids.map((id) => [code(id), cell(describeRule(id, report.findings.filter((f) => f.rule === id)).short)]);
  const summary = `${plural(ids.length, "rule")} (\`charter lint --explain RULE\` tells more)`;
  return ["", `<details><summary>${summary}</summary>`, "", ...table(["Rule", "What it means"], rows), "", "</details>"];
}

/**
 * The report as a pull-request comment (and a GitHub step summary): the marker, a one-line
 * verdict, the contracts, then the findings per contract, infos folded, and the rules they name.
 * A report without findings is the verdict alone.
 */
export function formatMarkdown(report: Report): string {
  const s = report.summary;
  const against = report.against.length ? ` against ${report.against.map(code).join(", ")}` : "";
  const verdict = `${s.passed ? "✅ **charter passed**" : "❌ **charter failed**"}: ${plural(s.contracts, "contract")}${against}, ${counts(s)}.`;
  const lines = [MARKDOWN_MARKER, verdict];
  if (!report.findings.length) return `${lines.join("\n")}\n`;

  if (report.contracts.length) {
    const rows = report.contracts.map((c) => [code(c.id), c.kind, c.change, c.mode, c.backward, c.forward, c.passed ? "✅" : "❌"]);
    lines.push("", ...table(["Contract", "Kind", "Change", "Mode", "Backward", "Forward", "Passed"], rows));
  }
  const findingsTable = (findings: Finding[]) => table(["Severity", "Rule", "Location", "Message"], findings.map((f) => findingRow(f, report.against[report.against.length - 1])));
  for (const group of groupByContract(report)) {
    if (!group.findings.length) continue;
    lines.push("", `#### ${code(group.id)}`);
    const broken = group.findings.find((f) => f.category === "breaking" && f.severity === "error");
    if (broken) lines.push("", cell(kindInfo(broken.kind).shipHint(group.id)));
    const gated = group.findings.filter((f) => f.severity !== "info");
    const infos = group.findings.filter((f) => f.severity === "info");
    if (gated.length) lines.push("", ...findingsTable(gated));
    // Infos fail nothing: folded away, so a large change does not bury the errors.
    if (infos.length) lines.push("", `<details><summary>${plural(infos.length, "info")}</summary>`, "", ...findingsTable(infos), "", "</details>");
  }
  lines.push(...rulesTable(report));
  return `${lines.join("\n")}\n`;
}
