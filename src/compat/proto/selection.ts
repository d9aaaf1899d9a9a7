import { parseConfigYaml } from "../../registry/yaml-source.js";
import type { Category, ProtoRule } from "./rule.js";

/** Which proto rules run, and where their findings are dropped, from buf.yaml and charter.yaml. */
export interface RuleSelection {
  ids: Set<string>;
  /** Paths (files or folders, registry-relative) whose findings are dropped, for every rule. */
  ignore: string[];
  /** Paths whose findings are dropped for one rule. */
  ignoreOnly: Map<string, string[]>;
  ignoreUnstablePackages: boolean;
}

interface BufBreaking {
  use?: string[];
  except?: string[];
  ignore?: string[];
  ignore_only?: Record<string, string[]>;
  ignore_unstable_packages?: boolean;
}

const CATEGORIES = new Set<string>(["FILE", "PACKAGE", "WIRE_JSON", "WIRE"]);

/**
 * Deprecated buf IDs and the rules that replaced them. buf runs the replacements and reports
 * under their IDs; so does charter.
 */
export const DEPRECATED_IDS: Record<string, string[]> = {
  FIELD_SAME_CTYPE: ["FIELD_SAME_CPP_STRING_TYPE"],
  FIELD_SAME_LABEL: ["FIELD_SAME_CARDINALITY", "FIELD_WIRE_COMPATIBLE_CARDINALITY", "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY"],
  FILE_SAME_JAVA_STRING_CHECK_UTF8: ["FIELD_SAME_JAVA_UTF8_VALIDATION"],
  FILE_SAME_PHP_GENERIC_SERVICES: [],
  MESSAGE_SAME_MESSAGE_SET_WIRE_FORMAT: [],
};

export type Version = "v1" | "v2";

export function selectRules(
  rules: ProtoRule[],
  charterRules: string[],
  bufYaml: string | undefined,
  charter: { use?: string[]; except?: string[] },
  /** Names buf.yaml in errors. */
  file = "buf.yaml",
): RuleSelection {
  const config = (bufYaml ? parseConfigYaml(file, bufYaml).value : undefined) as { version?: string; breaking?: BufBreaking; modules?: { breaking?: BufBreaking }[] } | undefined;
  // buf reads a missing buf.yaml as v2, whose default set is a little larger than v1's.
  const version: Version = config?.version === "v1" || config?.version === "v1beta1" ? "v1" : "v2";
  const breaking: BufBreaking = config?.breaking ?? config?.modules?.find((m) => m.breaking)?.breaking ?? {};
  const use = charter.use ?? breaking.use ?? [];
  const except = [...(breaking.except ?? []), ...(charter.except ?? [])];
  const expand = (names: string[]): Set<string> => {
    const ids = new Set<string>();
    for (const name of names) {
      if (CATEGORIES.has(name)) {
        for (const rule of rules) {
          const categories: Category[] | undefined = version === "v2" ? rule.categories.v2 : rule.categories.v1;
          if (categories?.includes(name as Category)) ids.add(rule.id);
        }
      } else if (name in DEPRECATED_IDS) DEPRECATED_IDS[name].forEach((id) => ids.add(id));
      else ids.add(name);
    }
    return ids;
  };
  const ids = expand(use.length ? use : ["FILE"]);
  charterRules.forEach((id) => ids.add(id));
  for (const id of expand(except)) ids.delete(id);
  return {
    ids,
    ignore: breaking.ignore ?? [],
    ignoreOnly: new Map(Object.entries(breaking.ignore_only ?? {}).flatMap(([rule, paths]) =>
      [...expand([rule])].map((id) => [id, paths] as [string, string[]]))),
    ignoreUnstablePackages: breaking.ignore_unstable_packages ?? false,
  };
}

/** True when `file` is `path` or inside it. */
export function underPath(file: string, path: string): boolean {
  const clean = path.replace(/\/+$/, "");
  return clean === "." || file === clean || file.startsWith(`${clean}/`);
}
