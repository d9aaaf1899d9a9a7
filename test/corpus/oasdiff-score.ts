/**
 * Scores charter against oasdiff's checker test cases (cases.json of the oasdiff corpus, found by
 * test/helpers/corpus.ts): the
 * share of expected check IDs that charter reports for each base/revision pair, per ID and overall.
 * Run directly to print the table: node --import tsx test/corpus/oasdiff-score.ts [test name...]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../../src/contracts/openapi/document.js";
import { validateOpenApi } from "../../src/contracts/openapi/validate.js";
import { createSchemaSource } from "../../src/contracts/schema-source.js";
import { compareOpenApi } from "../../src/compat/openapi/compare.js";
import { corpus } from "../helpers/corpus.js";

interface Case {
  test: string;
  base: string;
  revision: string;
  expected: string[];
}

export interface CaseResult {
  test: string;
  expected: string[];
  reported: string[];
  missed: string[];
  error?: string;
  /** The documents break the OpenAPI schema: `breaking` warns and compares them, as oasdiff reads them. */
  invalid?: string;
}

/** Every YAML and JSON file under `dir`, keyed by its path relative to `root`. */
function allFiles(root: string, dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) allFiles(root, full, out);
    else if (/\.(ya?ml|json)$/.test(name)) out.set(relative(root, full), readFileSync(full, "utf8"));
  }
  return out;
}

/** Scores the cases of the corpus in `dir` (all of them, or the named ones). */
export function scoreOasdiff(dir: string, only: string[] = []): CaseResult[] {
  const cases = (JSON.parse(readFileSync(join(dir, "cases.json"), "utf8")) as Case[])
    .filter((c) => only.length === 0 || only.includes(c.test));
  const files = allFiles(dir, join(dir, "data"));
  // Sunset dates in the fixtures lie around 2025; a fixed "today" keeps the score from drifting.
  const today = new Date("2025-06-01T00:00:00Z");
  return cases.map((c) => {
    const result: CaseResult = { test: c.test, expected: c.expected, reported: [], missed: [] };
    try {
      const schemas = createSchemaSource(files, "");
      const load = (path: string) => {
        const document = openApiDocument(path, schemas.source(path)!);
        result.invalid ??= validateOpenApi(path, document.version, document.root, document.source)?.message;
        return { document, schemas };
      };
      const changes = compareOpenApi(load(c.base), load(c.revision), { today });
      result.reported = [...new Set(changes.map((change) => change.rule))].sort();
    } catch (error) {
      result.error = String(error);
    }
    result.missed = c.expected.filter((id) => !result.reported.includes(id));
    return result;
  });
}

export function recall(results: CaseResult[]): { expected: number; matched: number } {
  const expected = results.reduce((n, r) => n + r.expected.length, 0);
  const matched = results.reduce((n, r) => n + r.expected.length - r.missed.length, 0);
  return { expected, matched };
}

export function formatOasdiffScore(results: CaseResult[]): string {
  const byId = new Map<string, { expected: number; matched: number }>();
  for (const r of results) {
    for (const id of r.expected) {
      const s = byId.get(id) ?? { expected: 0, matched: 0 };
      s.expected++;
      if (!r.missed.includes(id)) s.matched++;
      byId.set(id, s);
    }
  }
  const lines = [...byId].sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => `${id.padEnd(64)} ${s.matched}/${s.expected}`);
  const { expected, matched } = recall(results);
  const ids = [...byId.values()];
  lines.push(`TOTAL expected IDs matched: ${matched}/${expected} (${((100 * matched) / expected).toFixed(1)}%); ` +
    `distinct IDs fully matched: ${ids.filter((s) => s.matched === s.expected).length}/${ids.length}; ` +
    `cases that failed: ${results.filter((r) => r.error).length}; ` +
    `cases whose documents break the OpenAPI schema (compared with a warning, as the CLI does): ${results.filter((r) => r.invalid).length}`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const found = corpus("oasdiff");
  if (found.dir === undefined) throw new Error(found.skip);
  const results = scoreOasdiff(found.dir, only);
  console.log(formatOasdiffScore(results));
  for (const r of results) {
    if (r.error) console.log(`ERROR  ${r.test}: ${r.error}`);
    else if (only.length || r.missed.length) console.log(`${r.missed.length ? "MISSED" : "OK    "} ${r.test}: expected [${r.expected}] reported [${r.reported}]`);
  }
}
