import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { RunResult } from "./executor.js";
import { fileKind } from "./mutation.js";
import { STACK_FRAME } from "./protocol.js";
import { parse } from "./tree.js";

/**
 * charter's promise on any input (README, "Report options"): exit 0 or 1, or exit 2 with exactly one
 * stderr line naming a file (with line:col when that file parses), within the time and memory
 * limits, and never a stack trace. Each way of breaking it is a class of the tally.
 */
export const VIOLATIONS = {
  timeout: "ran past the time limit",
  "out-of-memory": "ran out of its heap",
  "stack-trace": "printed a stack trace",
  crash: "died without a stack trace",
  "exit-code": "exited with a code other than 0, 1 or 2",
  "stderr-lines": "exit 2 without exactly one line on stderr",
  "no-file": "exit 2 naming no file or folder of the mutant",
  "no-position": "exit 2 naming a file that parses, without line:col",
} as const;

export type ViolationClass = keyof typeof VIOLATIONS;

export interface Violation {
  class: ViolationClass;
  /** The line or lines that show it. */
  evidence: string;
}

/** What the judge needs to know of the mutant: its folder, and which of its files parse. */
export interface Judged {
  dir: string;
  /** Whether the file (absolute path) parses as its kind; undefined when that cannot be told. */
  parses(file: string): boolean;
}

const firstLines = (text: string, n = 3) => text.trim().split("\n").slice(0, n).join(" | ");

/** `charter: reg/a.yaml:3:7: message` → the file and position it names, if any. */
export function namedLocation(line: string): { file: string; line?: number; column?: number } | undefined {
  const match = /^charter: (.+?)(?::(\d+)(?::(\d+))?)?: /.exec(line);
  return match ? { file: match[1], line: match[2] ? Number(match[2]) : undefined, column: match[3] ? Number(match[3]) : undefined } : undefined;
}

export function judge(run: RunResult, mutant: Judged): Violation[] {
  if (run.exit === "timeout") return [{ class: "timeout", evidence: `killed after ${run.limit}` }];
  if (run.exit === "crash" || (run.exit !== 0 && STACK_FRAME.test(run.stderr) && !run.stderr.startsWith("charter: "))) {
    const death = run.death || run.stderr;
    if (/heap out of memory|Reached heap limit/.test(death)) return [{ class: "out-of-memory", evidence: firstLines(death) }];
    return [{ class: STACK_FRAME.test(death) ? "stack-trace" : "crash", evidence: firstLines(death) }];
  }
  const violations: Violation[] = [];
  if (STACK_FRAME.test(run.stderr) || run.stdoutStack) violations.push({ class: "stack-trace", evidence: firstLines(run.stderr) });
  if (![0, 1, 2].includes(run.exit)) violations.push({ class: "exit-code", evidence: `exit ${run.exit}: ${firstLines(run.stderr)}` });
  if (run.exit !== 2) return violations;
  const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
  if (lines.length !== 1) {
    violations.push({ class: "stderr-lines", evidence: `${lines.length} lines: ${firstLines(run.stderr)}` });
    if (!lines.length) return violations;
  }
  // The last line is the error; earlier ones were logs or warnings. A registry folder may be named
  // ("reg: no contracts found"); a file must be, with its position when it parses.
  const line = lines[lines.length - 1];
  const named = namedLocation(line);
  const path = named && resolve(mutant.dir, named.file);
  if (!named || !path || relative(mutant.dir, path).startsWith("..") || !existsSync(path)) {
    violations.push({ class: "no-file", evidence: line });
  } else if (statSync(path).isFile() && (named.line === undefined || named.column === undefined) && mutant.parses(path)) {
    violations.push({ class: "no-position", evidence: line });
  }
  return violations;
}

/** Whether a YAML or JSON file parses; a proto cannot be told without a compiler, so it counts as not. */
export function parsesAsItsKind(file: string): boolean {
  const kind = fileKind(file);
  if (kind === "proto") return false;
  try {
    parse(readFileSync(file, "utf8"), kind === "json");
    return true;
  } catch {
    return false;
  }
}
