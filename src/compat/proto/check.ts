import { compileProto } from "../../contracts/proto/compile.js";
import { protoSources } from "../../contracts/proto/sources.js";
import { loadImage, type ProtoImage } from "../../contracts/proto/image.js";
import { changeSet, outlineSources, type OutlinedSources } from "../../contracts/proto/change-set.js";
import { vouchForUnchanged } from "../../contracts/proto/vouch.js";
import { isUnstablePackage } from "../../contracts/proto/stability.js";
import { joinPath, type Snapshot } from "../../registry/snapshot.js";
import type { CheckedContract } from "../contract.js";
import type { Change } from "../finding.js";
import { effect } from "../verdict.js";
import { compareProto } from "./engine.js";
import { CHARTER_RULE_IDS, PROTO_RULES } from "./rules/index.js";
import { selectRules } from "./selection.js";

export interface ProtoComparison {
  contracts: CheckedContract[];
  changes: Change[];
}

/** A single file compared against a single file is one contract, whatever the two files are named. */
function alignSingleFile(against: Snapshot, input: Snapshot): Snapshot {
  if (input.contract === undefined || against.contract === undefined || input.contract === against.contract) return against;
  const files = new Map(against.files);
  files.delete(against.contract);
  files.set(input.contract, against.files.get(against.contract)!);
  return { ...against, files, contract: input.contract };
}

const EMPTY: ProtoImage = {
  registry: undefined as never, files: new Map(), messages: new Map(), enums: new Map(),
  services: new Map(), extensions: new Map(), packages: new Map(),
  location: () => undefined, fileLocation: () => ({ file: "", line: 1, column: 1 }),
};

/** Compiles the selected files of one version (a set closed under imports); nothing to compile, no image. */
async function buildImage(side: OutlinedSources, selected: Set<string>): Promise<ProtoImage> {
  const files = new Map([...side.sources.files].filter(([path]) => selected.has(path)));
  if (files.size === 0) return EMPTY;
  const sources = { ...side.sources, files };
  return loadImage(await compileProto(sources), sources);
}

/** A contract as the outlines show it: a package, or a file that declares none. */
interface OutlinedContract {
  id: string;
  files: string[];
  api: boolean;
}

/** The contracts of one version; for a single contract file, only its own package (not what it imports). */
function contractsOf(side: OutlinedSources, only?: string): Map<string, OutlinedContract> {
  const contracts = new Map<string, OutlinedContract>();
  const pkg = only === undefined ? undefined : side.outlines.get(only)?.package;
  for (const path of [...side.outlines.keys()].sort()) {
    if (only !== undefined && (side.outlines.get(path)!.package !== pkg || (pkg === "" && path !== only))) continue;
    const o = side.outlines.get(path)!;
    const id = o.package || path;
    const contract = contracts.get(id) ?? { id, files: [], api: false };
    contract.files.push(path);
    contract.api ||= o.hasService;
    contracts.set(id, contract);
  }
  return contracts;
}

/**
 * Compares every proto package of two versions. Only what changed is compiled (see changeSet),
 * both versions in parallel; the contract list comes from every file's outline.
 */
export async function checkProto(against: Snapshot, input: Snapshot, charter: { use?: string[]; except?: string[] }): Promise<ProtoComparison> {
  const before = outlineSources(protoSources(alignSingleFile(against, input)));
  const after = outlineSources(protoSources(input));
  const set = changeSet(before, after);
  const { changed, selected } = set;
  // The files left out of the comparison must still compile (see vouchForUnchanged).
  const [previous, current] = await Promise.all([buildImage(before, selected), buildImage(after, selected), vouchForUnchanged(after, set)]);
  const selection = selectRules(PROTO_RULES, CHARTER_RULE_IDS, input.files.get("buf.yaml"), charter, joinPath(input.base, "buf.yaml"));
  const changes = compareProto(previous, current, PROTO_RULES, selection);
  const contracts: CheckedContract[] = [];
  const previousContracts = contractsOf(before, input.contract);
  const currentContracts = contractsOf(after, input.contract);
  for (const id of [...new Set([...previousContracts.keys(), ...currentContracts.keys()])].sort()) {
    const old = previousContracts.get(id);
    const now = currentContracts.get(id);
    const contract = (now ?? old)!;
    const change = !old ? "added" : !now ? "removed" : [...old.files, ...now.files].some((f) => changed.has(f)) ? "modified" : "unchanged";
    contracts.push({ id, kind: "proto", path: contract.files[0], api: contract.api, unstable: isUnstablePackage(id), change });
    if (change === "added" || change === "removed") changes.push(contractPresence(contract, change));
  }
  // The outlines are read without a compiler; should one ever disagree with buf about a package,
  // its findings still get a contract rather than going missing from the report.
  const listed = new Set(contracts.map((c) => c.id));
  for (const change of changes) {
    if (listed.has(change.contract)) continue;
    listed.add(change.contract);
    contracts.push({ id: change.contract, kind: "proto", path: change.location?.file ?? "", api: false, unstable: isUnstablePackage(change.contract), change: "modified" });
  }
  return { contracts, changes };
}

/** A whole package added or removed. Removing an API breaks old clients; removing data, old consumers. */
function contractPresence({ id, files, api }: OutlinedContract, change: "added" | "removed"): Change {
  const added = change === "added";
  // Whole contracts are not messages: flows map to directions as for requests and data.
  const flows = added
    ? effect("compatible", api ? "conditional" : "compatible")
    : api ? effect("breaking", "compatible") : effect("conditional", "breaking");
  const where = { file: files[0], line: 1, column: 1 };
  return {
    rule: added ? "contract-added" : "contract-removed",
    kind: "proto",
    contract: id,
    backward: flows.oldToNew,
    forward: flows.newToOld,
    message: added ? `Package "${id}" was added.` : `Package "${id}" was removed; its ${api ? "clients" : "consumers"} lose it.`,
    location: added ? where : undefined,
    before: added ? undefined : where,
    element: id,
  };
}
