import type { DocumentContract } from "../contracts/contract.js";
import type { YamlSource } from "../registry/yaml-source.js";
import type { CheckedContract } from "./contract.js";
import type { RuleId } from "../rules/catalog.js";
import type { Change, ContractKind, SourceLocation } from "./finding.js";
import { segmentsOf, type SchemaPointer, type SchemaSource } from "../contracts/schema-pointer.js";
import { canonical } from "./schema/view.js";
import { worst, type Verdict } from "./verdict.js";

/** A version of a document contract that findings can point into. */
type LocatableVersion = { document: { file: string; id: string; source: YamlSource }; schemas: SchemaSource };

/** One version of a document contract (OpenAPI, AsyncAPI, JSON Schema): at least its file and parsed root. */
export interface DocumentVersion {
  document: { file: string; root: unknown };
}

/** The contracts of one version and the changes between versions, as each kind's checker returns them. */
export interface Comparison {
  contracts: CheckedContract[];
  changes: Change[];
}

/** One kind's contracts of a loaded version, by identity (which the loader made unique). */
export function documentsOfKind<K extends DocumentContract["kind"]>(documents: { documents: DocumentContract[] }, kind: K): Map<string, Extract<DocumentContract, { kind: K }>> {
  return new Map(documents.documents.filter((c): c is Extract<DocumentContract, { kind: K }> => c.kind === kind).map((c) => [c.id, c]));
}

/** What differs between the kinds of document contracts; the pairing is the same for all. */
export interface DocumentKind<V extends DocumentVersion> {
  kind: ContractKind;
  /** API contracts default to BACKWARD, data contracts to FULL. */
  api: boolean;
  unstable(version: V): boolean;
  compare(before: V, after: V, id: string): Change[];
  /** Verdicts and wording for a contract present in one version only. */
  added: { backward: Verdict; forward: Verdict; message(id: string): string };
  removed: { backward: Verdict; forward: Verdict; message(id: string): string };
  /**
   * Whether a contract gone from the old version and one new in the current are one contract
   * renamed or moved without a declared identity: how strongly, and the reason a `contract-moved`
   * finding states. Kinds without it report the two as removed and added.
   */
  moved?(before: V, after: V): { score: number; reason: string } | undefined;
}

/**
 * Pairs the contracts only the old version has with those only the new one has, where `kind.moved`
 * says they are one: the strongest candidates first, each contract in one pair at most.
 */
function pairMoved<V extends DocumentVersion>(previous: Map<string, V>, current: Map<string, V>, kind: DocumentKind<V>): { from: string; to: string; reason: string }[] {
  if (!kind.moved) return [];
  const gone = [...previous.keys()].filter((id) => !current.has(id));
  const fresh = [...current.keys()].filter((id) => !previous.has(id));
  const candidates = gone.flatMap((from) => fresh.flatMap((to) => {
    const moved = kind.moved!(previous.get(from)!, current.get(to)!);
    return moved ? [{ from, to, ...moved }] : [];
  }));
  candidates.sort((a, b) => b.score - a.score || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const taken = new Set<string>();
  const pairs: { from: string; to: string; reason: string }[] = [];
  for (const { from, to, reason } of candidates) {
    if (taken.has(from) || taken.has(to)) continue;
    taken.add(from).add(to);
    pairs.push({ from, to, reason });
  }
  return pairs;
}

const UNSTABLE_LEVELS = new Set(["draft", "alpha", "beta"]);

/** `info.x-stability-level: alpha|beta|draft` (OpenAPI, AsyncAPI) marks a contract unstable: reported, not gated. */
export function unstableInfo(root: unknown): boolean {
  const info = (root as { info?: Record<string, unknown> } | null)?.info;
  return UNSTABLE_LEVELS.has(String(info?.["x-stability-level"] ?? ""));
}

/**
 * Pairs the documents of two versions by identity and compares each pair. Two single contract
 * files are one contract whatever their names or ids: the old one takes the new one's identity.
 */
export function compareDocuments<V extends DocumentVersion>(
  previous: Map<string, V>,
  current: Map<string, V>,
  single: boolean,
  kind: DocumentKind<V>,
): Comparison {
  if (single && previous.size === 1 && current.size === 1) {
    const [version] = previous.values();
    const [newId] = current.keys();
    previous = new Map([[newId, version]]);
  }
  const contracts: CheckedContract[] = [];
  const changes: Change[] = [];
  // A contract renamed or moved without a declared identity is compared under its new one, and the pairing said.
  const moved = pairMoved(previous, current, kind);
  if (moved.length > 0) {
    previous = new Map(previous);
    for (const { from, to, reason } of moved) {
      const before = previous.get(from)!;
      previous.delete(from);
      previous.set(to, before);
      changes.push({
        rule: "contract-moved",
        kind: kind.kind,
        contract: to,
        backward: "compatible",
        forward: "compatible",
        message: `"${from}" became "${to}" without an identity to say so (x-charter-id): paired by ${reason}, and compared as one contract.`,
        location: { file: current.get(to)!.document.file, line: 1, column: 1 },
        before: { file: before.document.file, line: 1, column: 1 },
        element: to,
      });
    }
  }
  for (const id of [...new Set([...previous.keys(), ...current.keys()])].sort()) {
    const before = previous.get(id);
    const after = current.get(id);
    const version = (after ?? before)!;
    const found = before && after ? kind.compare(before, after, id) : [];
    const modified = before && after && (found.length > 0 || canonical(before.document.root) !== canonical(after.document.root));
    const change = !before ? "added" : !after ? "removed" : modified ? "modified" : "unchanged";
    contracts.push({ id, kind: kind.kind, path: version.document.file, api: kind.api, unstable: kind.unstable(version), change });
    // One push per change: a Stripe-size pair has more changes than a call has arguments.
    for (const change of found) changes.push(change);
    if (!before || !after) {
      const presence = after ? kind.added : kind.removed;
      const where = { file: version.document.file, line: 1, column: 1 };
      changes.push({
        rule: after ? "contract-added" : "contract-removed",
        kind: kind.kind,
        contract: id,
        backward: presence.backward,
        forward: presence.forward,
        message: presence.message(id),
        // A removed contract has no place in the new version: it points into the old one.
        location: after ? where : undefined,
        before: after ? undefined : where,
        element: id,
      });
    }
  }
  return { contracts, changes };
}

/**
 * file:line:col of a pointer. In the contract's own file an element is located by its key (`note:`
 * rather than the first line of its body), the line a reader looks for; in other files of the
 * registry, where `$ref`s lead, by its value.
 */
export function locateIn(version: { document: { file: string; source: YamlSource }; schemas: SchemaSource }, at: SchemaPointer): SourceLocation {
  if (at.file !== version.document.file) return version.schemas.location(at);
  const { line, column } = version.document.source.position(segmentsOf(at.pointer), true);
  return { file: at.file, line, column };
}

/** One finding as a document contract's checks describe it: places as pointers, turned into file:line:col on report. */
export interface DocumentIssue {
  rule: RuleId;
  backward: Verdict;
  forward: Verdict;
  message: string;
  /** Where in the new version; for a deletion, the parent that lost the element. */
  at?: SchemaPointer;
  /** Where in the old version. */
  before?: SchemaPointer;
  /** Semantic key, stable across `$ref` refactors and line moves. */
  element: string;
  /** The element is marked alpha, beta or draft: reported, not gated. */
  unstable?: boolean;
  /** The operations this change affects: issues of one rule and element merge into one change affecting them all. */
  affects?: string[];
  /** Per-operation elements of earlier reports (Change.legacy). */
  legacy?: string[];
}

/** Appends the values not yet seen, in order: a list that keeps its first-seen order without repeats. */
function addNew(seen: Set<string>, list: string[], values: string[]): void {
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    list.push(value);
  }
}

/**
 * A report function that turns issues between two versions of a contract into changes. Issues
 * that name the operations they affect merge by rule and element: a change to a schema is one
 * change however many operations reach it, with the worst verdicts over them, gated unless every
 * one of them is unstable.
 */
export function reporter(kind: ContractKind, previous: LocatableVersion, current: LocatableVersion, out: Change[]): (issue: DocumentIssue) => void {
  const contract = current.document.id;
  const merged = new Map<string, { change: Change; affects: Set<string> }>();
  return ({ rule, backward, forward, message, at, before, element, unstable, affects, legacy }) => {
    const key = `${rule}\u0000${element}`;
    const known = affects && merged.get(key);
    if (known) {
      known.change.backward = worst(known.change.backward, backward);
      known.change.forward = worst(known.change.forward, forward);
      if (!unstable) delete known.change.unstable;
      addNew(known.affects, known.change.affects!, affects);
      // Legacy keys are only matched against (breaking.ts, baseline.ts), never shown: a repeat costs
      // nothing there, where hashing every one of them into a set cost seconds on Stripe's specs.
      for (const element of legacy ?? []) known.change.legacy!.push(element);
      return;
    }
    const change: Change = {
      rule,
      kind,
      contract,
      backward,
      forward,
      message,
      // When the parent is gone too, the finding can only point into the old version (ARCHITECTURE.md, "The compatibility model").
      location: at ? locateIn(current, at) : before && locateIn(previous, before),
      before: before && locateIn(previous, before),
      element,
      ...(unstable ? { unstable } : {}),
      ...(affects ? { affects: [...affects] } : {}),
      ...(affects ? { legacy: [...(legacy ?? [])] } : {}),
    };
    if (affects) merged.set(key, { change, affects: new Set(affects) });
    out.push(change);
  };
}
