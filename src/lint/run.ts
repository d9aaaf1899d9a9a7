import type { Finding, Severity, SourceLocation } from "../compat/finding.js";
import { contractPaths, type Contract } from "../contracts/contract.js";
import { enclosing } from "../contracts/proto/enclosing.js";
import { contractsOf, loadRegistry } from "../contracts/load-registry.js";
import { InputError } from "../errors.js";
import { CONFIG_FILE, loadConfig, settingsFor, type CharterConfig } from "../registry/config.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";
import { parseConfigYaml } from "../registry/yaml-source.js";
import { rulesOf } from "../rules/catalog.js";
import { finaliseReport, type ContractEntry } from "../report/finalise.js";
import type { Report } from "../report/report.js";
import { lintFinding } from "./finding.js";
import { isBufLintRule } from "./helpers/proto-buf-config.js";
import { bufReports } from "./helpers/proto-buf-gate.js";
import { protoLocation } from "../contracts/proto/location.js";
import { protoDirective, yamlSuppressed } from "./helpers/suppressions.js";
import type { Place, Problem } from "./rule.js";
import { lintRulesFor } from "./rules/index.js";

export interface LintOptions {
  /** Today, for sunset dates. */
  today?: Date;
}

/** charter.yaml's severity words; `off` disables a rule. */
const SEVERITIES: Record<string, Severity | "off"> = { error: "error", warn: "warning", warning: "warning", info: "info", off: "off" };

/** Each rule's severity under charter.yaml's `lint.rules`; a rule id charter does not know is a config error naming its line. */
function severities(config: CharterConfig, input: Snapshot): Map<string, Severity | "off"> {
  const result = new Map<string, Severity | "off">(rulesOf({ check: "lint" }).map((rule) => [rule.id, rule.severity ?? "error"]));
  for (const [id, word] of Object.entries(config.lint.rules)) {
    if (!result.has(id)) {
      const file = joinPath(input.base, CONFIG_FILE);
      const { line, column } = parseConfigYaml(file, input.files.get(CONFIG_FILE) ?? "").position(["lint", "rules", id], true);
      throw new InputError(`unknown lint rule "${id}" in lint.rules (charter lint --explain RULE describes one)`, file, line, column);
    }
    result.set(id, SEVERITIES[word]);
  }
  return result;
}



/** The rules suppressed at a place, by inline directives (helpers/suppressions.ts). */
function suppressedAt(contract: Contract, place: Place): Set<string> {
  if ("desc" in place && contract.kind === "proto") {
    const directives = enclosing(place.desc).flatMap((desc) => contract.comments(desc)).map(protoDirective);
    return new Set(directives.flatMap((d) => (d ? [d.rule] : [])));
  }
  if ("at" in place && contract.kind !== "proto") return yamlSuppressed(contract.schemas.resolve({ file: place.at.file, pointer: "" }).value, place.at);
  return new Set();
}

function locationOf(contract: Contract, place: Place): SourceLocation {
  if ("line" in place) return place.line;
  if ("desc" in place && contract.kind === "proto") return protoLocation(contract.image, place.desc, place.subPath);
  if ("at" in place && contract.kind !== "proto") return contract.schemas.location(place.at);
  throw new Error(`a ${contract.kind} rule reported a place of another kind`);
}

/** Runs the registry's house rules over one version of it; the report has no `against`. */
export async function runLint(input: Snapshot, options: LintOptions = {}): Promise<Report> {
  const config = loadConfig(input.files, joinPath(input.base, CONFIG_FILE));
  const severity = severities(config, input);
  const today = options.today ?? new Date();
  const loaded = await contractsOf(await loadRegistry(input, { parserRules: true }));
  if (!loaded.length) throw new InputError("no contracts found", input.label);
  const rules = await lintRulesFor(new Set(loaded.map((c) => c.kind)));
  const findings: Finding[] = [];
  const contracts: ContractEntry[] = [];
  for (const contract of loaded) {
    const settings = settingsFor(config, contract.id, contractPaths(contract));
    for (const rule of rules) {
      const level = severity.get(rule.id)!;
      if (level === "off" || !rule.kinds.includes(contract.kind)) continue;
      const report = (problem: Problem): void => {
        // buf's rules follow buf.yaml, comment ignores included (bufReports).
        const bufRule = contract.kind === "proto" && isBufLintRule(rule.id);
        if (!bufRule && suppressedAt(contract, problem.place).has(rule.id)) return;
        const location = locationOf(contract, problem.place);
        if (bufRule && contract.kind === "proto" && !bufReports(contract, rule.id, problem.place, location)) return;
        findings.push(lintFinding({
          category: "lint",
          rule: rule.id,
          kind: contract.kind,
          contract: contract.id,
          // A lint finding judges one version: it is against nothing.
          against: "",
          severity: level,
          message: problem.message,
          location: { ...location, file: joinPath(input.base, location.file) },
          element: problem.element,
          fingerprint: `${rule.id}:${contract.id}:${problem.element}`,
        }));
      };
      await rule.check({ contract, settings, today, report });
    }
    const mode = settings.compatibility ?? (contract.api ? config.compatibility.api : config.compatibility.data);
    contracts.push({ id: contract.id, kind: contract.kind, path: contract.path, change: "unchanged", mode });
  }
  findings.sort((a, b) => a.location!.file.localeCompare(b.location!.file) || a.location!.line - b.location!.line || a.location!.column - b.location!.column || a.rule.localeCompare(b.rule));
  return finaliseReport({ input: input.label, against: [], contracts, findings });
}
