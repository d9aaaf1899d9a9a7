import yargs from "yargs";
import { InputError } from "../src/errors.js";
import { VERSION } from "../src/version.js";
import { breakingCommand } from "./breaking.js";
import { checkCommand } from "./check.js";
import { generateCommand } from "./generate.js";
import { docsCommand } from "./docs.js";
import { lintCommand } from "./lint.js";

/** Exit 2 with one line for bad input; the stack only with --verbose. */
function fail(error: unknown, verbose: boolean): void {
  const text = error instanceof InputError ? error.toString() : error instanceof Error ? error.message : String(error);
  process.stderr.write(`charter: ${text}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

/** Runs one charter command line (the arguments after `charter`). */
export async function main(args: string[]): Promise<void> {
  try {
    await yargs(args)
      .scriptName("charter")
      .version(VERSION)
      .option("verbose", { type: "boolean", default: false, describe: "Show stack traces of errors" })
      .command(breakingCommand)
      .command(lintCommand)
      .command(checkCommand)
      .command(generateCommand)
      .command(docsCommand)
      .demandCommand(1, "name a command: charter breaking --help")
      .strict()
      .fail((message, error) => {
        throw error ?? new InputError(message);
      })
      .help()
      .parseAsync();
  } catch (error) {
    fail(error, args.includes("--verbose"));
  }
}
