/**
 * Scores `charter lint` against buf's own lint test cases (the buf-lint corpus, found by
 * test/helpers/corpus.ts): per rule, how many of buf's expected annotations (rule, file, line)
 * charter reports, and how many of charter's reports of buf rules buf expected. Which rules run
 * is the case's own buf.yaml's business, as it is buf's.
 * Run directly to print the table: node --import tsx test/corpus/buf-lint-score.ts [case...]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding } from "../../src/compat/finding.js";
import { isBufLintRule } from "../../src/lint/helpers/proto-buf-config.js";
import { runLint } from "../../src/lint/run.js";
import { readPathSnapshot } from "../../src/registry/read-dir.js";
import { corpus } from "../helpers/corpus.js";

interface Annotation {
  path: string;
  /** None for findings about a whole file, which charter puts on its first line. */
  start_line?: number;
  type: string;
}

interface Case {
  test: string;
  dir: string;
  annotations: Annotation[];
  target?: string;
  exclude_paths?: string[];
  skip?: string;
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
  unexpected: { rule: string; file: string; line: number; message: string }[];
}

export interface Score {
  rules: Map<string, RuleScore>;
  cases: CaseResult[];
  skipped: string[];
  /** Cases charter could not lint, with its error. */
  errors: string[];
  expected: number;
  matched: number;
  reported: number;
  unexpected: number;
}

/** Scores the runnable cases of the corpus in `dir` (all of them, or the named ones). */
export async function scoreCorpus(dir: string, only: string[] = []): Promise<Score> {
  const all = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Case[];
  const cases = all.filter((c) => !c.skip && (only.length === 0 || only.includes(c.dir)));
  const score: Score = { rules: new Map(), cases: [], skipped: all.filter((c) => c.skip).map((c) => c.dir), errors: [], expected: 0, matched: 0, reported: 0, unexpected: 0 };
  const rule = (id: string): RuleScore => {
    if (!score.rules.has(id)) score.rules.set(id, { expected: 0, matched: 0, reported: 0, unexpected: 0 });
    return score.rules.get(id)!;
  };
  const reportsOf = new Map<string, { findings: Finding[] }>();
  for (const c of cases) {
    // One run per folder: v2/ignores has one entry per module of the same workspace.
    if (!reportsOf.has(c.dir)) {
      // A case charter cannot build counts as all missed, with the reason among the misses.
      reportsOf.set(c.dir, await runLint(readPathSnapshot(join(dir, "cases", c.dir), ""), { today: new Date("2026-01-01") }).catch((error: Error) => {
        score.errors.push(`${c.dir}: ${String(error)}`);
        return { findings: [] as Finding[] };
      }));
    }
    const prefix = c.target ? `${c.target}/` : "";
    const reports = reportsOf.get(c.dir)!.findings
      .filter((f) => isBufLintRule(f.rule) && f.location!.file.startsWith(prefix))
      .map((f) => ({ rule: f.rule, file: f.location!.file.slice(prefix.length), line: f.location!.line, message: f.message, used: false }))
      .filter((r) => !(c.exclude_paths ?? []).some((p) => r.file === p || r.file.startsWith(`${p}/`)));
    const result: CaseResult = { dir: c.target ? `${c.dir} (${c.target})` : c.dir, missed: [], unexpected: [] };
    for (const annotation of c.annotations) {
      rule(annotation.type).expected++;
      score.expected++;
      const hit = reports.find((r) => !r.used && r.rule === annotation.type && r.file === annotation.path && r.line === (annotation.start_line ?? 1));
      if (hit) {
        hit.used = true;
        rule(annotation.type).matched++;
        score.matched++;
      } else result.missed.push(annotation);
    }
    for (const r of reports) {
      rule(r.rule).reported++;
      score.reported++;
      if (r.used) continue;
      rule(r.rule).unexpected++;
      score.unexpected++;
      result.unexpected.push({ rule: r.rule, file: r.file, line: r.line, message: r.message });
    }
    score.cases.push(result);
  }
  return score;
}

/** The score as if the corpus had no annotations of `id` and charter reported none. */
export function withoutRule(score: Score, id: string): Score {
  const rule = score.rules.get(id) ?? { expected: 0, matched: 0, reported: 0, unexpected: 0 };
  return {
    ...score,
    rules: new Map([...score.rules].filter(([other]) => other !== id)),
    expected: score.expected - rule.expected,
    matched: score.matched - rule.matched,
    reported: score.reported - rule.reported,
    unexpected: score.unexpected - rule.unexpected,
  };
}

export function formatScore(score: Score): string {
  const pct = (n: number, d: number) => (d === 0 ? "  -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const row = (id: string, s: RuleScore) =>
    `${id.padEnd(36)} ${String(s.expected).padStart(8)} ${String(s.matched).padStart(7)} ${pct(s.matched, s.expected)} ${String(s.reported).padStart(9)} ${String(s.unexpected).padStart(10)}`;
  const lines = [`${"rule".padEnd(36)} expected matched  recall  reported unexpected`];
  for (const [id, s] of [...score.rules].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(id, s));
  lines.push(row("TOTAL", score));
  lines.push(`precision ${pct(score.reported - score.unexpected, score.reported)}; skipped cases (need buf's test plugins): ${score.skipped.join(", ")}`);
  for (const error of score.errors) lines.push(`cannot lint ${error}`);
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  const found = corpus("buf-lint");
  if (found.dir === undefined) throw new Error(found.skip);
  const score = await scoreCorpus(found.dir, only);
  console.log(formatScore(score));
  for (const c of score.cases) {
    for (const m of c.missed) console.log(`MISSED ${c.dir} ${m.type} ${m.path}:${m.start_line}`);
    for (const u of c.unexpected) console.log(`EXTRA  ${c.dir} ${u.rule} ${u.file}:${u.line} ${u.message}`);
  }
}
