import type { Snapshot } from "../registry/snapshot.js";

/** The files of the generated SDKs, by path relative to the output folder; nothing is written here. */
export type GeneratedFiles = Map<string, string>;

/**
 * One TypeScript package per contract (DESIGN.md §6). Each kind's generator is loaded only when
 * the registry holds that kind.
 */
export async function generateSdks(registry: Snapshot): Promise<GeneratedFiles> {
  const files: GeneratedFiles = new Map();
  const holds = (pattern: RegExp) => [...registry.files.keys()].some((path) => pattern.test(path));
  if (holds(/\.(ya?ml|json)$/)) {
    for (const [path, text] of await (await import("./openapi/generate.js")).generateOpenApiClients(registry)) files.set(path, text);
    for (const [path, text] of await (await import("./asyncapi/generate.js")).generateEventPackages(registry)) files.set(path, text);
  }
  if (holds(/\.proto$/)) for (const [path, text] of await (await import("./proto/generate.js")).generateConnectClients(registry)) files.set(path, text);
  return files;
}
