#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { VERSION } from "../src/version.js";
import { InputError } from "../src/errors.js";
import { breakingCommand } from "./breaking.js";

const verbose = process.argv.includes("--verbose");

/** Exit 2 with one line for bad input; the stack only with --verbose (a bug still shows it). */
function fail(error: unknown): never {
  if (error instanceof InputError) process.stderr.write(`charter: ${error.toString()}\n`);
  else process.stderr.write(`charter: ${error instanceof Error ? error.message : String(error)}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
}

try {
  await yargs(hideBin(process.argv))
    .scriptName("charter")
    .version(VERSION)
    .option("verbose", { type: "boolean", default: false, describe: "Show stack traces of errors" })
    .command(breakingCommand)
    .demandCommand(1, "name a command: charter breaking --help")
    .strict()
    .fail((message, error) => {
      if (error) throw error;
      throw new InputError(message);
    })
    .help()
    .parseAsync();
} catch (error) {
  fail(error);
}
