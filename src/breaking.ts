import type { Change, ContractSummary, Finding } from "./compat/finding.js";
import { severityOf, type Mode } from "./compat/mode.js";
import { worst } from "./compat/verdict.js";
import { CONFIG_FILE, loadConfig, settingsFor, type CharterConfig } from "./registry/config.js";
import { joinPath, type Snapshot } from "./registry/snapshot.js";
import { summarize, type Report } from "./report/report.js";
import { InputError } from "./errors.js";
import { VERSION } from "./version.js";

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
    (entry.element === undefined || change.element === entry.element || change.element.startsWith(`${entry.element}.`) || change.contract === entry.element) &&
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
  const holds = (pattern: RegExp) => [input, against].some((s) => [...s.files.keys()].some((path) => pattern.test(path)));
  const none = { contracts: [], changes: [] };
  const yaml = holds(/\.(ya?ml|json)$/);
  const openapi = yaml ? (await import("./compat/openapi/check.js")).checkOpenApi(against, input, { today }) : none;
  const asyncapi = yaml ? await (await import("./compat/asyncapi/check.js")).checkAsyncApi(against, input, { today, validate: options.validate }) : none;
  const strict = (id: string, path: string) => settingsFor(config, id, [path]).strict === true;
  const jsonschema = holds(/\.schema\.(ya?ml|json)$/) ? (await import("./compat/jsonschema/check.js")).checkJsonSchema(against, input, { strict }) : none;
  const proto = holds(/\.proto$/) ? await (await import("./compat/proto/check.js")).checkProto(against, input, config.breaking) : none;
  const results = [proto, openapi, asyncapi, jsonschema];
  const checked = results.flatMap((r) => r.contracts);
  if (!checked.some((c) => c.change !== "removed")) throw new InputError("no contracts found", input.label);
  const allChanges = results.flatMap((r) => r.changes);
  const contracts: ContractSummary[] = [];
  const findings: Finding[] = [];
  for (const contract of checked) {
    const settings = settingsFor(config, contract.id, [contract.path]);
    const mode = options.mode ?? settings.compatibility ?? (contract.api ? config.compatibility.api : config.compatibility.data);
    const unstable = settings.unstable ?? contract.unstable;
    const own = allChanges.filter((c) => c.kind === contract.kind && c.contract === contract.id && !isIgnored(config, c, today));
    for (const change of own) {
      // Unstable contracts and elements are reported but not gated (DESIGN.md §3), unless asked.
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
        // A deletion whose parent is gone too can only point into the old version (DESIGN.md §1.5).
        location: change.location ? { ...change.location, file: joinPath(input.base, change.location.file) } : before,
        before,
        fingerprint: `${change.rule}:${change.contract}:${change.element}`,
      });
    }
    const mine = findings.filter((f) => f.kind === contract.kind && f.contract === contract.id);
    contracts.push({
      id: contract.id,
      kind: contract.kind,
      path: contract.path,
      change: contract.change,
      mode,
      backward: worst(...mine.map((f) => f.backward)),
      forward: worst(...mine.map((f) => f.forward)),
      passed: !mine.some((f) => f.severity === "error"),
    });
  }
  findings.sort((a, b) => (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.rule.localeCompare(b.rule));
  return {
    version: 1,
    tool: { name: "charter", version: VERSION },
    input: input.label,
    against: [against.label],
    contracts,
    findings,
    summary: summarize(contracts, findings),
  };
}
