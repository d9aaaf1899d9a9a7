import type { Change, Finding } from "./compat/finding.js";
import { severityOf, type Mode } from "./compat/mode.js";
import type { DocumentContract } from "./contracts/contract.js";
import { kindsIn } from "./contracts/kinds.js";
import { loadDocuments } from "./contracts/load-registry.js";
import { lintFinding } from "./lint/finding.js";
import { CONFIG_FILE, loadConfig, settingsFor, type CharterConfig } from "./registry/config.js";
import { joinPath, type Snapshot } from "./registry/snapshot.js";
import { finaliseReport, type ContractEntry } from "./report/finalise.js";
import type { Report } from "./report/report.js";
import { InputError } from "./errors.js";

export interface BreakingOptions {
  /** Overrides every contract's configured mode. */
  mode?: Mode;
  strict?: boolean;
  /** Today, for the `until` of ignore entries. */
  today?: Date;
  /** Validate AsyncAPI documents with their parser (default true; the docs site reads history without). */
  validate?: boolean;
}

function isIgnored(config: CharterConfig, change: Change, today: Date): boolean {
  return config.breaking.ignore.some((entry) =>
    entry.rule === change.rule &&
    (entry.element === undefined || change.contract === entry.element ||
      // An element of charter 1's per-operation keys still names the change it was written for.
      [change.element, ...(change.legacy ?? [])].some((element) => element === entry.element || element.startsWith(`${entry.element}.`))) &&
    (entry.path === undefined || (change.location ?? change.before)?.file.startsWith(entry.path) === true) &&
    (entry.until === undefined || new Date(`${entry.until}T23:59:59Z`) >= today));
}

/**
 * Compares two versions of a registry and judges every change under its contract's mode.
 * Pure apart from compiling protos (which the engine caches); the CLI does the printing.
 */
export async function runBreaking(input: Snapshot, against: Snapshot, options: BreakingOptions = {}): Promise<Report> {
  const config = loadConfig(input.files, joinPath(input.base, CONFIG_FILE));
  const today = options.today ?? new Date();
  // Each kind's checker is loaded only when a version holds that kind of file: most registries
  // hold one or two kinds, and loading protobuf's or OpenAPI's machinery costs start-up time.
  const results = await Promise.all(kindsIn(input, against).map((kind) => kind.check(against, input, { today, config, validate: options.validate })));
  const checked = results.flatMap((r) => r.contracts);
  if (!checked.some((c) => c.change !== "removed")) throw new InputError("no contracts found", input.label);
  const changes = results.flatMap((r) => r.changes);
  const contracts: ContractEntry[] = [];
  const findings: Finding[] = [];
  for (const contract of checked) {
    const settings = settingsFor(config, contract.id, [contract.path]);
    const mode = options.mode ?? settings.compatibility ?? (contract.api ? config.compatibility.api : config.compatibility.data);
    const unstable = settings.unstable ?? contract.unstable;
    for (const change of changes) {
      if (change.kind !== contract.kind || change.contract !== contract.id || isIgnored(config, change, today)) continue;
      // Unstable contracts and elements are reported but not gated (ARCHITECTURE.md, "The compatibility model"), unless asked.
      const gated = !(unstable || change.unstable) || config.breaking.gate_unstable === true;
      const severity = gated ? severityOf(change, mode, options.strict ?? false) : "info";
      const ungated = gated ? "" : ` Not gated: ${unstable ? change.contract : "the element"} is unstable.`;
      const before = change.before && { ...change.before, file: joinPath(against.base, change.before.file) };
      findings.push({
        ...change,
        message: `${change.message}${ungated}`,
        category: "breaking",
        against: against.label,
        severity,
        // A deletion whose parent is gone too can only point into the old version (ARCHITECTURE.md, "The compatibility model").
        location: change.location ? { ...change.location, file: joinPath(input.base, change.location.file) } : before,
        before,
        fingerprint: `${change.rule}:${change.contract}:${change.element}`,
      });
    }
    contracts.push({ id: contract.id, kind: contract.kind, path: contract.path, change: contract.change, mode });
  }
  for (const finding of violationWarnings(loadDocuments(input).documents, input.base)) findings.push(finding);
  findings.sort((a, b) => (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.rule.localeCompare(b.rule));
  return finaliseReport({ input: input.label, against: [against.label], contracts, findings });
}

/**
 * A proposed document that breaks its specification's schema is still compared; the violation is
 * a warning at its place (ARCHITECTURE.md, "Reading policy"), under the rule `lint` reports it by.
 */
function violationWarnings(documents: DocumentContract[], base: string): Finding[] {
  return documents.flatMap((contract) => contract.violations.map((violation): Finding => lintFinding({
    category: "lint",
    rule: contract.kind === "openapi" ? "oas3-schema" : "asyncapi-schema",
    kind: contract.kind,
    contract: contract.id,
    against: "",
    severity: "warning",
    message: violation.message,
    location: { ...violation.location, file: joinPath(base, violation.location.file) },
    element: violation.message,
    fingerprint: `${contract.kind === "openapi" ? "oas3-schema" : "asyncapi-schema"}:${contract.id}:${violation.message}`,
  })));
}
