import { parseConfigYaml } from "../../registry/yaml-source.js";
import { SHIPPED_ROOT } from "./shipped.js";

/**
 * Where the proto import roots of a registry are, read from its `buf.yaml` (v1beta1 `build.roots`,
 * v2 `modules[].path`; v1 and no file: the registry root) or, with no buf.yaml at the root, its
 * `buf.work.yaml` (v1 `directories`). Only the layout is taken: deps,
 * plugins and policies are dropped so a build never reaches the network.
 */
export interface ModuleLayout {
  roots: string[];
  excludes: string[];
}

/** `file` names buf.yaml in errors; a v1 workspace's `buf.work.yaml` lists its module folders. */
export function moduleLayout(bufYaml: string | undefined, file = "buf.yaml", bufWork?: string): ModuleLayout {
  const config = (bufYaml ? parseConfigYaml(file, bufYaml).value : undefined) as
    | { version?: string; build?: { roots?: string[]; excludes?: string[] }; modules?: { path?: string; excludes?: string[] }[] }
    | undefined;
  if (config?.version === "v2" && config.modules?.length) {
    return {
      roots: config.modules.map((m) => m.path ?? "."),
      excludes: config.modules.flatMap((m) => m.excludes ?? []),
    };
  }
  const work = bufWork ? (parseConfigYaml(file.replace(/buf\.yaml$/, "buf.work.yaml"), bufWork).value as { directories?: string[] } | undefined) : undefined;
  if (!config && work?.directories?.length) return { roots: work.directories, excludes: [] };
  return {
    roots: config?.version === "v1beta1" && config.build?.roots?.length ? config.build.roots : ["."],
    excludes: config?.build?.excludes ?? [],
  };
}

/**
 * The buf.yaml charter writes next to the sources it builds; with `shipped`, the folder of charter's
 * shipped files is one more module, left out of a registry module at the root.
 */
export function buildConfig(layout: ModuleLayout, shipped = false): string {
  const modules = layout.roots.map((root) => {
    const excludes = [...layout.excludes.filter((e) => root === "." || e === root || e.startsWith(`${root}/`)), ...(shipped && root === "." ? [SHIPPED_ROOT] : [])]
      .map((e) => JSON.stringify(e));
    return `  - path: ${JSON.stringify(root)}${excludes.length ? `\n    excludes: [${excludes.join(", ")}]` : ""}`;
  });
  if (shipped) modules.push(`  - path: ${JSON.stringify(SHIPPED_ROOT)}`);
  return `version: v2\nmodules:\n${modules.join("\n")}\n`;
}
