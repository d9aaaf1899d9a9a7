/**
 * Scores charter against buf's own breaking-rule test cases (the buf-breaking corpus, found by
 * test/helpers/corpus.ts):
 * per rule, how many of buf's expected annotations (rule, file, line) charter reports, and how
 * many of charter's reports (for the rules the case's buf.yaml selects) buf expected.
 * Run directly to print the table: node --import tsx test/corpus/buf-breaking-score.ts [case...]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkProto } from "../../src/compat/proto/check.js";
import { PROTO_RULES, CHARTER_RULE_IDS } from "../../src/compat/proto/rules/index.js";
import { selectRules } from "../../src/compat/proto/selection.js";
import { readPathSnapshot } from "../../src/registry/read-dir.js";
import { corpus } from "../helpers/corpus.js";

/** Cases that need buf's custom check plugins or policy files, which charter does not run. */
export const EXCLUDED = ["breaking_custom_plugins", "breaking_policy_disablebuiltin", "breaking_policy_empty", "breaking_policy_local"];

interface Annotation {
  path: string | null;
  start_line?: number;
  type: string;
}

interface Case {
  test: string;
  dir: string;
  annotations: Annotation[];
}

export interface RuleScore {
  expected: number;
  matched: number;
  reported: number;
  unexpected: number;
}

export interface CaseResult {
  dir: string;
  missed: Annotation[];
  unexpected: { rule: string; file?: string; line?: number; message: string }[];
}

export interface Score {
  rules: Map<string, RuleScore>;
  cases: CaseResult[];
  expected: number;
  matched: number;
  reported: number;
  unexpected: number;
}

/** Scores the cases of the corpus in `dir` (all of them, or the named ones). */
export async function scoreCorpus(dir: string, only: string[] = []): Promise<Score> {
  const cases = (JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Case[])
    .filter((c) => !EXCLUDED.includes(c.dir) && (only.length === 0 || only.includes(c.dir)));
  const score: Score = { rules: new Map(), cases: [], expected: 0, matched: 0, reported: 0, unexpected: 0 };
  const rule = (id: string): RuleScore => {
    if (!score.rules.has(id)) score.rules.set(id, { expected: 0, matched: 0, reported: 0, unexpected: 0 });
    return score.rules.get(id)!;
  };
  for (const c of cases) {
    const current = readPathSnapshot(join(dir, "current", c.dir), "");
    const previous = readPathSnapshot(join(dir, "previous", c.dir), "");
    const { changes } = await checkProto(previous, current, {});
    const selected = selectRules(PROTO_RULES, [], current.files.get("buf.yaml"), {}).ids;
    const reports = changes
      .filter((change) => selected.has(change.rule) && !CHARTER_RULE_IDS.includes(change.rule))
      .map((change) => ({ rule: change.rule, file: change.location?.file, line: change.location?.line, message: change.message, used: false }));
    const result: CaseResult = { dir: c.dir, missed: [], unexpected: [] };
    for (const annotation of c.annotations) {
      rule(annotation.type).expected++;
      score.expected++;
      const hit = reports.find((r) =>
        !r.used &&
        r.rule === annotation.type &&
        (annotation.path === null
          ? r.file === undefined
          : r.file !== undefined && (r.file === annotation.path || r.file.endsWith(`/${annotation.path}`)) &&
            (annotation.start_line === undefined ? r.line === undefined || r.line === 1 : r.line === annotation.start_line)));
      if (hit) {
        hit.used = true;
        rule(annotation.type).matched++;
        score.matched++;
      } else result.missed.push(annotation);
    }
    for (const r of reports) {
      rule(r.rule).reported++;
      score.reported++;
      if (!r.used) {
        rule(r.rule).unexpected++;
        score.unexpected++;
        result.unexpected.push({ rule: r.rule, file: r.file, line: r.line, message: r.message });
      }
    }
    score.cases.push(result);
  }
  return score;
}

export function formatScore(score: Score): string {
  const pct = (n: number, d: number) => (d === 0 ? "  -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const lines = [`${"rule".padEnd(48)} expected matched  recall  reported unexpected`];
  for (const [id, s] of [...score.rules].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${id.padEnd(48)} ${String(s.expected).padStart(8)} ${String(s.matched).padStart(7)} ${pct(s.matched, s.expected)} ${String(s.reported).padStart(9)} ${String(s.unexpected).padStart(10)}`);
  }
  lines.push(`${"TOTAL".padEnd(48)} ${String(score.expected).padStart(8)} ${String(score.matched).padStart(7)} ${pct(score.matched, score.expected)} ${String(score.reported).padStart(9)} ${String(score.unexpected).padStart(10)}`);
  lines.push(`precision ${pct(score.reported - score.unexpected, score.reported)}; excluded cases: ${EXCLUDED.join(", ")}`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const found = corpus("buf-breaking");
  if (found.dir === undefined) throw new Error(found.skip);
  const score = await scoreCorpus(found.dir, only);
  console.log(formatScore(score));
  if (only.length) {
    for (const c of score.cases) {
      for (const m of c.missed) console.log(`MISSED ${c.dir} ${m.type} ${m.path}:${m.start_line ?? "-"}`);
      for (const u of c.unexpected) console.log(`EXTRA  ${c.dir} ${u.rule} ${u.file}:${u.line ?? "-"} ${u.message}`);
    }
  }
}
