/** What the fuzzer's parent and its worker processes say to each other. */

export interface Request {
  id: number;
  cwd: string;
  args: string[];
}

export interface Reply {
  id: number;
  exit: number;
  stderr: string;
  /** Whether stdout carried a stack frame (stdout itself is the report, not kept). */
  stdoutStack: boolean;
  heapUsed: number;
}

/** A line of a JavaScript stack trace: `    at parse (file.js:10:5)`, `    at <anonymous>`. */
export const STACK_FRAME = /^\s+at\s.*(:\d+:\d+\)?|<anonymous>\)?|\(native\))$/m;
