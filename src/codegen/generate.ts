import { InputError } from "../errors.js";
import { kindsIn } from "../contracts/kinds.js";
import type { Snapshot } from "../registry/snapshot.js";

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
  const add = (kind: string, generated: Map<string, string>) => {
    for (const [path, text] of generated) {
      const folder = path.split("/")[0];
      const owner = owners.get(folder) ?? kind;
      if (owner !== kind) throw new InputError(`${owner} and ${kind} contracts would both generate the SDK folder ${folder}: rename one of them`);
      owners.set(folder, kind);
      files.set(path, text);
    }
  };
  for (const kind of kindsIn(registry)) add(kind.label, await kind.generate(registry));
  return files;
}
