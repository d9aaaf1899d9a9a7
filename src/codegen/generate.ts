import { InputError } from "../errors.js";
import { kindsIn } from "../contracts/kinds.js";
import type { Snapshot } from "../registry/snapshot.js";
import { runtimePackage, RUNTIME_FOLDER } from "./runtime-package.js";

/** The files of the generated SDKs, by path relative to the output folder; nothing is written here. */
export type GeneratedFiles = Map<string, string>;

/**
 * One TypeScript package per contract (README.md, "charter generate"), from the snapshot alone: nothing is read
 * from the file system. Each kind's generator is loaded only when the registry holds that kind.
 */
export async function generateSdks(registry: Snapshot): Promise<GeneratedFiles> {
  const files: GeneratedFiles = new Map();
  // Each package folder belongs to one generator: a proto package and an OpenAPI id that name the same folder must not mix their files.
  const owners = new Map<string, string>();
  // Every generator adds the shared runtime (charter-runtime/), the same files each time; a contract package may not take its folder.
  const runtime = runtimePackage();
  const add = (kind: string, generated: Map<string, string>) => {
    for (const [path, text] of generated) {
      const folder = path.split("/")[0];
      if (folder === RUNTIME_FOLDER && runtime.get(path) === text) {
        files.set(path, text);
        continue;
      }
      if (folder === RUNTIME_FOLDER) throw new InputError(`a ${kind} contract would generate the SDK folder ${folder}, which holds the runtime every package shares: rename it`);
      const owner = owners.get(folder) ?? kind;
      if (owner !== kind) throw new InputError(`${owner} and ${kind} contracts would both generate the SDK folder ${folder}: rename one of them`);
      owners.set(folder, kind);
      files.set(path, text);
    }
  };
  for (const kind of kindsIn(registry)) add(kind.label, await kind.generate(registry));
  return files;
}
