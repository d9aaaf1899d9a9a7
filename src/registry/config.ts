import type { Ajv, AnySchemaObject, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { cachedValidator } from "../contracts/validator-cache.js";
import { InputError } from "../errors.js";
import { DEFAULT_MODES, type Mode } from "../compat/mode.js";
import { readResourceJson } from "../resources.js";
import { matchesGlob } from "./glob.js";
import { parseConfigYaml } from "./yaml-source.js";


export interface ContractSettings {
  owner?: string;
  /** The SLO of the contract's APIs and channels that declare none (charter lint's slo-required). */
  slo?: { "latency-p99-ms": number; "error-budget": number | string };
  compatibility?: Mode;
  strict?: boolean;
  unstable?: boolean;
}

export interface IgnoreEntry {
  rule: string;
  element?: string;
  path?: string;
  until?: string;
  reason?: string;
}

export interface CharterConfig {
  version: 1;
  compatibility: { api: Mode; data: Mode };
  contracts: Record<string, ContractSettings>;
  releases: string;
  lint: { rules: Record<string, string> };
  breaking: { use?: string[]; except?: string[]; ignore: IgnoreEntry[]; gate_unstable?: boolean };
  generate: { out?: string };
  docs: { out?: string };
}

export const CONFIG_FILE = "charter.yaml";

/**
 * Compiled on first use and cached (see cachedValidator), without checking the schema against
 * its meta-schema (the test suite does that): that alone would double charter's start-up time.
 */
let validator: ValidateFunction | undefined;
const validate = (value: unknown): value is Partial<CharterConfig> => {
  validator ??= cachedValidator("charter-config", readResourceJson("schemas/charter.schema.json") as AnySchemaObject,
    () => {
      // Loaded only on a cache miss: a cached validator needs none of ajv's compiler.
      const { Ajv: Compiler } = createRequire(import.meta.url)("ajv") as { Ajv: new (options: object) => Ajv };
      return new Compiler({ strict: true, validateSchema: false, code: { source: true } });
    });
  return validator(value);
};

/**
 * Reads and validates `charter.yaml` (absent: the defaults). An unknown key or bad value names its
 * line in `displayPath`, the file as the user names it (the registry's place joined with charter.yaml).
 */
export function loadConfig(files: Map<string, string>, displayPath: string): CharterConfig {
  const text = files.get(CONFIG_FILE);
  const raw: Partial<CharterConfig> = text === undefined ? {} : parseAndValidate(text, displayPath);
  return {
    version: 1,
    compatibility: { ...DEFAULT_MODES, ...raw.compatibility },
    contracts: raw.contracts ?? {},
    releases: raw.releases ?? "v*",
    lint: { rules: raw.lint?.rules ?? {} },
    breaking: { ...raw.breaking, ignore: raw.breaking?.ignore ?? [] },
    generate: raw.generate ?? {},
    docs: raw.docs ?? {},
  };
}

function parseAndValidate(text: string, file: string): Partial<CharterConfig> {
  const source = parseConfigYaml(file, text);
  const value = source.value ?? {};
  if (validate(value)) return value;
  const error = validator!.errors![0];
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "additionalProperties") {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const { line, column } = source.position([...segments, key], true);
    const where = segments.length ? ` in ${segments.join(".")}` : "";
    throw new InputError(`unknown key "${key}"${where}`, file, line, column);
  }
  const { line, column } = source.position(segments);
  const allowed = error.keyword === "enum" ? `: expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}` : "";
  throw new InputError(`${segments.join(".") || "document"} ${error.message}${allowed}`, file, line, column);
}

/** charter.yaml's `contracts` entries that match a contract, by its id or by a glob over any of its files. */
export function settingsFor(config: CharterConfig, id: string, paths: string[]): ContractSettings {
  const merged: ContractSettings = {};
  for (const [pattern, settings] of Object.entries(config.contracts)) {
    if (pattern === id || paths.some((path) => matchesGlob(path, pattern))) Object.assign(merged, settings);
  }
  return merged;
}
