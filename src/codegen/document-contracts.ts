import { loadContracts } from "../lint/load.js";
import type { LintContract } from "../lint/rule.js";
import type { Snapshot } from "../registry/snapshot.js";

const loaded = new WeakMap<Snapshot, Promise<LintContract[]>>();

/**
 * The YAML/JSON contracts of a registry, parsed once however many generators read them (the OpenAPI
 * and AsyncAPI ones both do). Protos are left out: their generator compiles them its own way.
 */
export function documentContracts(registry: Snapshot): Promise<LintContract[]> {
  let contracts = loaded.get(registry);
  if (!contracts) {
    const files = new Map([...registry.files].filter(([path]) => !path.endsWith(".proto")));
    // Not through @asyncapi/parser (it refuses payload properties named like JavaScript built-ins,
    // which generate handles); the schemas' shapes are checked where they are bundled.
    contracts = loadContracts({ ...registry, files }, { validate: false });
    loaded.set(registry, contracts);
  }
  return contracts;
}
