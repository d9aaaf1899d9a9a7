import type { Finding } from "../compat/finding.js";
import { affectsText, groupByContract, place } from "./group.js";
import type { Report } from "./report.js";

/** Characters XML 1.0 forbids even as references: shown as U+FFFD rather than making the file unreadable. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const escapeText = (s: string) => s.replace(FORBIDDEN, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Attribute values also escape quotes, and line breaks, which parsers would otherwise turn into spaces. */
const escapeAttribute = (s: string) =>
  escapeText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");

const attributes = (attrs: Record<string, string | number | undefined>) =>
  Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");

/** The finding as the body of a failure or the output of a passing test case. */
function details(f: Finding): string {
  const verdicts = f.category === "breaking" ? `\nbackward ${f.backward}, forward ${f.forward}` : "";
  const affects = affectsText(f);
  return `${place(f) ?? f.contract}\n${f.message}${affects ? ` (${affects})` : ""}${verdicts}`;
}

function testcase(contract: string, f: Finding): string {
  const where = place(f);
  const attrs = attributes({ classname: contract, name: where ? `${f.rule} ${where}` : f.rule, file: (f.location ?? f.before)?.file });
  const body =
    f.severity === "error"
      ? `<failure${attributes({ type: f.rule, message: f.message })}>${escapeText(details(f))}</failure>`
      : `<system-out>${escapeText(`warning: ${details(f)}`)}</system-out>`;
  return `    <testcase${attrs}>\n      ${body}\n    </testcase>\n`;
}

/**
 * The report as JUnit XML, for CI test-report views: one test suite per contract and one test
 * case per error (failed) or warning (passed, with the warning as output). Infos are left out;
 * a contract with neither errors nor warnings gets one passing test case, so it still shows.
 */
export function formatJunit(report: Report): string {
  const suites = groupByContract(report).map(({ id, findings }) => {
    const shown = findings.filter((f) => f.severity !== "info");
    return { id, shown, tests: Math.max(shown.length, 1), failures: shown.filter((f) => f.severity === "error").length };
  });
  const xml = suites.map(({ id, shown, tests, failures }) => {
    const cases = shown.length ? shown.map((f) => testcase(id, f)).join("") : `    <testcase${attributes({ classname: id, name: "no errors or warnings" })}/>\n`;
    return `  <testsuite${attributes({ name: id, tests, failures, errors: 0, skipped: 0 })}>\n${cases}  </testsuite>\n`;
  });
  const total = (key: "tests" | "failures") => suites.reduce((n, suite) => n + suite[key], 0);
  const root = attributes({ name: "charter", tests: total("tests"), failures: total("failures"), errors: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${xml.join("")}</testsuites>\n`;
}
