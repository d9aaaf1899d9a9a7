import type { Severity } from "../compat/finding.js";
import { kindInfo } from "../contracts/kinds.js";
import { affectsText } from "./group.js";
import type { Report } from "./report.js";

const COMMANDS: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** A workflow command's message: GitHub reads `%`, CR and LF as escapes there. */
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/** A workflow command's property value: `:` and `,` also end the value unless escaped. */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * One GitHub Actions workflow command per finding (`::error file=F,line=L,col=C,title=RULE::message`),
 * so each finding shows as an annotation on the pull request's diff.
 */
export function formatGithub(report: Report): string {
  return report.findings
    .map((f) => {
      const loc = f.location ?? f.before;
      const properties = [...(loc ? [`file=${escapeProperty(loc.file)}`, `line=${loc.line}`, `col=${loc.column}`] : []), `title=${escapeProperty(f.rule)}`];
      const verdicts = f.category === "breaking" ? ` [backward ${f.backward}, forward ${f.forward}]` : "";
      // An annotation is read alone, on its line of the diff: a breaking error says what to do instead.
      const hint = f.category === "breaking" && f.severity === "error" ? ` ${kindInfo(f.kind).shipHint(f.contract)}` : "";
      const release = f.against && f.against !== report.against[report.against.length - 1] ? ` (against ${f.against})` : "";
      const affects = affectsText(f);
      return `::${COMMANDS[f.severity]} ${properties.join(",")}::${escapeData(`${f.message}${affects ? ` (${affects})` : ""}${release}${verdicts}${hint}`)}\n`;
    })
    .join("");
}
