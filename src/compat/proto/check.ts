import { compileProto, type ProtoSources } from "../../contracts/proto/compile.js";
import { loadImage, type ProtoImage } from "../../contracts/proto/image.js";
import { moduleLayout } from "../../contracts/proto/module-layout.js";
import { isUnstablePackage } from "../../contracts/proto/stability.js";
import type { Snapshot } from "../../registry/snapshot.js";
import type { Change } from "../finding.js";
import { effect } from "../verdict.js";
import { compareProto, contractOf } from "./engine.js";
import { CHARTER_RULE_IDS, PROTO_RULES } from "./rules/index.js";
import { directions, isApiPackage } from "./roles.js";
import { selectRules } from "./selection.js";

export interface ProtoContract {
  id: string;
  path: string;
  api: boolean;
  unstable: boolean;
  change: "added" | "removed" | "modified" | "unchanged";
}

export interface ProtoComparison {
  contracts: ProtoContract[];
  changes: Change[];
}

export function protoSources(snapshot: Snapshot): ProtoSources {
  const files = new Map([...snapshot.files].filter(([path]) => path.endsWith(".proto")));
  return { files, layout: moduleLayout(snapshot.single ? undefined : snapshot.files.get("buf.yaml")), base: snapshot.base };
}

export async function buildImage(snapshot: Snapshot): Promise<ProtoImage | undefined> {
  const sources = protoSources(snapshot);
  if (sources.files.size === 0) return undefined;
  return loadImage(await compileProto(sources), sources);
}

/** A single file compared against a single file is one contract, whatever the two files are named. */
function alignSingleFile(against: Snapshot, input: Snapshot): Snapshot {
  if (!input.single || !against.single) return against;
  const [name] = input.files.keys();
  return { ...against, files: new Map([...against.files.values()].map((text) => [name, text])) };
}

const EMPTY: ProtoImage = {
  registry: undefined as never, files: new Map(), messages: new Map(), enums: new Map(),
  services: new Map(), extensions: new Map(), packages: new Map(),
  location: () => undefined, fileLocation: () => ({ file: "", line: 1, column: 1 }),
};

/** Compiles both versions (in parallel) and compares every proto package they hold. */
export async function checkProto(against: Snapshot, input: Snapshot, charter: { use?: string[]; except?: string[] }): Promise<ProtoComparison> {
  const [previous = EMPTY, current = EMPTY] = await Promise.all([buildImage(alignSingleFile(against, input)), buildImage(input)]);
  const selection = selectRules(PROTO_RULES, CHARTER_RULE_IDS, input.single ? undefined : input.files.get("buf.yaml"), charter);
  const changes = compareProto(previous, current, PROTO_RULES, selection);
  const contracts: ProtoContract[] = [];
  const modified = new Set(changes.map((c) => c.contract));
  const packages = new Set([...previous.packages.keys(), ...current.packages.keys()]);
  for (const pkg of [...packages].sort()) {
    const before = previous.packages.get(pkg);
    const after = current.packages.get(pkg);
    const image = after ? current : previous;
    const file = (after ?? before)![0];
    const id = contractOf(image, file);
    const api = isApiPackage(image, pkg);
    const change = !before ? "added" : !after ? "removed" : modified.has(id) ? "modified" : "unchanged";
    contracts.push({ id, path: image.fileLocation(file).file, api, unstable: isUnstablePackage(pkg), change });
    if (change === "added" || change === "removed") {
      const added = change === "added";
      // Removing an API breaks old clients; removing a data contract breaks its old consumers.
      const flows = added
        ? effect("compatible", api ? "conditional" : "compatible")
        : api ? effect("breaking", "compatible") : effect("conditional", "breaking");
      changes.push({
        rule: added ? "contract-added" : "contract-removed",
        kind: "proto",
        contract: id,
        ...directions(file, flows, { request: new Set(), response: new Set() }),
        message: added ? `Package "${pkg}" was added.` : `Package "${pkg}" was removed; its ${api ? "clients" : "consumers"} lose it.`,
        location: added ? current.fileLocation(file) : undefined,
        before: added ? undefined : previous.fileLocation(file),
        element: pkg,
      });
    }
  }
  return { contracts, changes };
}
