import type { ContractKind } from "../compat/finding.js";
import type { Contract } from "../contracts/contract.js";
import { contractsOf, loadRegistry } from "../contracts/load-registry.js";
import { kindOfFile } from "../contracts/recognise.js";
import { InputError } from "../errors.js";
import { joinPath, type Snapshot } from "../registry/snapshot.js";

/** A registry file the site cannot read: why, where, and the lines around the place. */
export interface Unreadable {
  /** Path in the registry. */
  path: string;
  /** The kind that claims the file, when its name or text says. */
  kind?: ContractKind;
  /** `file:line:col: message`, as every command reports it. */
  error: string;
  line?: number;
  excerpt: { number: number; text: string; here: boolean }[];
}

const EXCERPT_CONTEXT = 2;
/** A minified JSON document is one line: show the start of it. */
const EXCERPT_WIDTH = 240;

/**
 * The contracts of a snapshot, leaving out the files that cannot be read. Reading stops at the
 * first file it refuses (ARCHITECTURE.md, "Reading policy"); the site is read again without that
 * file until the rest reads, so one bad contract costs its own page, not the site. `snapshot` is
 * the version without them, for the changelog.
 */
export async function readableContracts(snapshot: Snapshot): Promise<{ snapshot: Snapshot; contracts: Contract[]; unreadable: Unreadable[] }> {
  const unreadable: Unreadable[] = [];
  let readable = snapshot;
  for (;;) {
    try {
      return { snapshot: readable, contracts: await contractsOf(await loadRegistry(readable)), unreadable };
    } catch (error) {
      const path = error instanceof InputError ? [...readable.files.keys()].find((p) => joinPath(readable.base, p) === error.file) : undefined;
      // Not a contract's fault (charter.yaml, a missing tool): the site cannot be built.
      if (!path || !(error instanceof InputError)) throw error;
      const text = readable.files.get(path)!;
      unreadable.push({ path, kind: kindOfFile(path, text), error: error.toString(), line: error.line, excerpt: excerpt(text, error.line) });
      const files = new Map(readable.files);
      files.delete(path);
      readable = { ...readable, files };
    }
  }
}

function excerpt(text: string, line: number | undefined): Unreadable["excerpt"] {
  if (line === undefined) return [];
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - EXCERPT_CONTEXT);
  const last = Math.min(lines.length, line + EXCERPT_CONTEXT);
  const shown: Unreadable["excerpt"] = [];
  for (let number = first; number <= last; number++) {
    const text = lines[number - 1];
    shown.push({ number, text: text.length > EXCERPT_WIDTH ? `${text.slice(0, EXCERPT_WIDTH)}…` : text, here: number === line });
  }
  return shown;
}
