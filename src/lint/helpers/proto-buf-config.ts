import { InputError } from "../../errors.js";
import { parseConfigYaml } from "../../registry/yaml-source.js";
import { BUF_LINT_RULES, type BufConfigVersion } from "./proto-buf-rules.js";

/** One buf module's `lint` section, resolved: the rules it runs and where they do not apply. */
export interface BufLintConfig {
  version: BufConfigVersion;
  /** The module's root, registry-relative ("" for the registry root). */
  root: string;
  rules: Set<string>;
  /** Registry-relative paths (files or folders) no rule reports in. */
  ignore: string[];
  /** Rule id → registry-relative paths that rule does not report in. */
  ignoreOnly: Map<string, string[]>;
  enumZeroValueSuffix: string;
  serviceSuffix: string;
  rpcAllowSameRequestResponse: boolean;
  rpcAllowGoogleProtobufEmptyRequests: boolean;
  rpcAllowGoogleProtobufEmptyResponses: boolean;
  /** Whether `// buf:lint:ignore ID` comments are honoured. */
  commentIgnores: boolean;
}

interface LintSection {
  use?: string[];
  except?: string[];
  ignore?: string[];
  ignore_only?: Record<string, string[]>;
  enum_zero_value_suffix?: string;
  service_suffix?: string;
  rpc_allow_same_request_response?: boolean;
  rpc_allow_google_protobuf_empty_requests?: boolean;
  rpc_allow_google_protobuf_empty_responses?: boolean;
  allow_comment_ignores?: boolean;
  disallow_comment_ignores?: boolean;
  disable_builtin?: boolean;
}

/** A v2 buf.yaml's `policies` entry: a policy file with its own `lint` section, and ignores for it. */
interface PolicyRef {
  policy: string;
  ignore?: string[];
  ignore_only?: Record<string, string[]>;
}

interface BufYaml {
  version?: string;
  lint?: LintSection;
  modules?: { path?: string; lint?: LintSection }[];
  policies?: PolicyRef[];
}

const join = (root: string, path: string) => (root === "" || root === "." ? path : `${root}/${path}`).replace(/\/+$/, "");

/** Rule ids a `use`/`except` entry names: a rule, or every rule of a category in that config version. */
function expand(name: string, version: BufConfigVersion): string[] {
  if (BUF_LINT_RULES[name]?.[version]) return [name];
  return Object.entries(BUF_LINT_RULES).filter(([, v]) => v[version]?.includes(name)).map(([id]) => id);
}

function resolve(section: LintSection | undefined, version: BufConfigVersion, root: string, pathsFrom: string): BufLintConfig {
  const lint = section ?? {};
  const rules = new Set(lint.disable_builtin ? [] : (lint.use ?? ["DEFAULT"]).flatMap((name) => expand(name, version)));
  for (const name of lint.except ?? []) for (const id of expand(name, version)) rules.delete(id);
  const ignoreOnly = new Map<string, string[]>();
  for (const [name, paths] of Object.entries(lint.ignore_only ?? {})) {
    for (const id of expand(name, version)) ignoreOnly.set(id, [...(ignoreOnly.get(id) ?? []), ...paths.map((p) => join(pathsFrom, p))]);
  }
  return {
    version,
    root: root === "." ? "" : root,
    rules,
    ignore: (lint.ignore ?? []).map((p) => join(pathsFrom, p)),
    ignoreOnly,
    enumZeroValueSuffix: lint.enum_zero_value_suffix ?? "_UNSPECIFIED",
    serviceSuffix: lint.service_suffix ?? "Service",
    rpcAllowSameRequestResponse: lint.rpc_allow_same_request_response ?? false,
    rpcAllowGoogleProtobufEmptyRequests: lint.rpc_allow_google_protobuf_empty_requests ?? false,
    rpcAllowGoogleProtobufEmptyResponses: lint.rpc_allow_google_protobuf_empty_responses ?? false,
    // v1beta1 and v1 honour comment ignores only when asked; v2 unless told not to.
    commentIgnores: version === "v2" ? !lint.disallow_comment_ignores : Boolean(lint.allow_comment_ignores),
  };
}

/** No buf.yaml reads as buf's latest version (v2), as buf does; one without a version, as v1. */
function versionOf(config: BufYaml | undefined): BufConfigVersion {
  if (config === undefined) return "v2";
  return config.version === "v1beta1" || config.version === "v2" ? config.version : "v1";
}

const read = (files: Map<string, string>, path: string, base: string): BufYaml | undefined => {
  const text = files.get(path);
  if (text === undefined) return undefined;
  const source = parseConfigYaml(join(base, path), text);
  const { value } = source;
  // A file of comments only configures nothing, as an empty mapping does.
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    const { line, column } = source.position([]);
    throw new InputError("not a buf configuration: expected a mapping of keys (version, modules, lint, ...)", join(base, path), line, column);
  }
  return value as BufYaml;
};

/**
 * The lint configuration of every buf module of a registry: a v2 buf.yaml's `modules` (each with
 * its own `lint`, else the file's), a v1 `buf.work.yaml`'s directories (each with its own
 * buf.yaml), or one module at the root. No buf.yaml: buf's defaults (the DEFAULT category).
 */
export function bufLintConfigs(files: Map<string, string>, base = ""): BufLintConfig[] {
  const root = read(files, "buf.yaml", base);
  if (root?.version === "v2") {
    // v2 paths (ignores included) are relative to the workspace root, where buf.yaml is.
    const modules = root.modules?.length ? root.modules : [{ path: ".", lint: root.lint }];
    return modules.flatMap((m) => [
      resolve(m.lint ?? root.lint, "v2", m.path ?? ".", ""),
      // Each local policy adds its own rules, with the ignores buf.yaml gives it.
      ...(root.policies ?? []).map((ref) => {
        const policy = read(files, ref.policy, base);
        return resolve({ ...policy?.lint, ignore: [...(policy?.lint?.ignore ?? []), ...(ref.ignore ?? [])], ignore_only: { ...policy?.lint?.ignore_only, ...ref.ignore_only } }, "v2", m.path ?? ".", "");
      }),
    ]);
  }
  const work = read(files, "buf.work.yaml", base) as { directories?: string[] } | undefined;
  if (work?.directories?.length) {
    return work.directories.map((dir) => {
      const config = read(files, join(dir, "buf.yaml"), base);
      return resolve(config?.lint, versionOf(config), dir, dir);
    });
  }
  return [resolve(root?.lint, versionOf(root), ".", "")];
}

const under = (path: string, prefix: string) => prefix === "" || prefix === "." || path === prefix || path.startsWith(`${prefix}/`);

/** The configs of the module a registry path belongs to (the longest root that holds it): its own, then its policies'. */
export function bufLintLayers(configs: BufLintConfig[], path: string): BufLintConfig[] {
  const holding = configs.filter((c) => under(path, c.root));
  const longest = Math.max(...holding.map((c) => c.root.length));
  return holding.filter((c) => c.root.length === longest);
}

/** The module's own config, whose options (suffixes, RPC allowances) the rules read. */
export const bufLintFor = (configs: BufLintConfig[], path: string): BufLintConfig | undefined => bufLintLayers(configs, path)[0];

/** The first of a module's configs that runs `rule` on the registry file `path` (its ignores applied). */
export function bufLintApplying(configs: BufLintConfig[], rule: string, path: string): BufLintConfig | undefined {
  return bufLintLayers(configs, path).find((config) =>
    config.rules.has(rule) &&
    !config.ignore.some((p) => under(path, p)) &&
    !(config.ignoreOnly.get(rule) ?? []).some((p) => under(path, p)));
}

/** A path as buf names it: relative to its module's root. */
export const modulePath = (config: BufLintConfig, path: string): string => (config.root === "" ? path : path.slice(config.root.length + 1));

/** Whether `id` is one of buf's lint rules (which buf.yaml, not charter.yaml, selects). */
export const isBufLintRule = (id: string): boolean => id in BUF_LINT_RULES;
