import { createHash } from "node:crypto";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import type { Finding, Severity, SourceLocation } from "../compat/finding.js";
import { affectsText } from "./group.js";
import type { Report } from "./report.js";
import { describeRule } from "./rules.js";

/** charter's home, the same host that names schemas/report.schema.json. */
const INFORMATION_URI = "https://charter.dev";

/** Report files are relative to the repository root: GitHub code scanning resolves this base there. */
const SRCROOT = "%SRCROOT%";

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a URI reference: each segment percent-encoded, the slashes kept. */
const uri = (file: string) => file.split("/").map(encodeURIComponent).join("/");

function physicalLocation(loc: SourceLocation): NonNullable<Location["physicalLocation"]> {
  return {
    artifactLocation: { uri: uri(loc.file), uriBaseId: SRCROOT },
    region: { startLine: loc.line, startColumn: loc.column },
  };
}

/**
 * The finding's place in the new version, or in the old one when there is none (a removed
 * contract): code scanning drops a result without a location. `before` is a related location
 * only beside a location of its own.
 */
function locations(finding: Finding): Pick<Result, "locations" | "relatedLocations"> {
  const primary = finding.location ?? finding.before;
  const related = finding.location && finding.before;
  return {
    ...(primary ? { locations: [{ physicalLocation: physicalLocation(primary) }] } : {}),
    ...(related
      ? { relatedLocations: [{ id: 1, physicalLocation: physicalLocation(related), message: { text: `The element in the version compared against (${finding.against}).` } }] }
      : {}),
  };
}

/**
 * The report as a SARIF 2.1.0 log with one run. Results carry the finding's fingerprint hashed
 * into `partialFingerprints` under `charter/v2`, so code scanning tracks an alert across line
 * moves, and across operations coming and going, as charter does.
 */
export function formatSarif(report: Report): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.rule))].sort();
  const rules = ruleIds.map((id): ReportingDescriptor => {
    const text = describeRule(id, report.findings.filter((f) => f.rule === id));
    return {
      id,
      name: text.name,
      shortDescription: { text: text.short },
      fullDescription: { text: text.full },
      help: { text: text.help },
    };
  });
  const results = report.findings.map((f): Result => ({
    ruleId: f.rule,
    ruleIndex: ruleIds.indexOf(f.rule),
    level: LEVELS[f.severity],
    message: { text: f.affects ? `${f.message} (${affectsText(f)})` : f.message },
    ...locations(f),
    // v2: the fingerprint is rule + contract + where the change is written (README, "The JSON report");
    // under v1 it named the operation that reached a schema change, so the key changed with it.
    partialFingerprints: { "charter/v2": createHash("sha256").update(f.fingerprint).digest("hex") },
    properties: {
      category: f.category,
      kind: f.kind,
      contract: f.contract,
      ...(f.against ? { against: f.against } : {}),
      ...(f.category === "breaking" ? { backward: f.backward, forward: f.forward } : {}),
      ...(f.affects ? { affects: f.affects } : {}),
    },
  }));
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SRCROOT]: { description: { text: "The root of the git repository that holds the input, else the working directory." } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
