import yargs, { type Argv } from "yargs";
import { InputError } from "../src/errors.js";
import { VERSION } from "../src/version.js";
import { breakingCommand } from "./breaking.js";
import { changelogCommand } from "./changelog.js";
import { checkCommand } from "./check.js";
import { generateCommand } from "./generate.js";
import { docsCommand } from "./docs.js";
import { initCommand } from "./init.js";
import { lintCommand } from "./lint.js";
import { mockCommand } from "./mock.js";
import { rulesCommand } from "./rules.js";
import { didYouMean } from "./suggest.js";
import { verifyCommand } from "./verify.js";

const COMMAND_NAMES = [lintCommand, breakingCommand, checkCommand, changelogCommand, generateCommand, docsCommand, mockCommand, verifyCommand, initCommand, rulesCommand].map((c) => c.command.split(" ")[0]);

/** Exit 2 with one line for bad input; the stack only with --verbose. */
function fail(error: unknown, verbose: boolean): void {
  const text = error instanceof InputError ? error.toString() : error instanceof Error ? error.message : String(error);
  process.stderr.write(`charter: ${text}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

/**
 * Unknown options fail before yargs checks required ones, so `--againts x` is reported as the typo
 * it is rather than as a missing `--against`; the option set is the running command's.
 */
function rejectUnknownOptions(args: string[], parser: Argv): void {
  // getOptions is public in yargs but missing from its types: the running command's options.
  const options = (parser as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
  const known = new Set([...Object.keys(options.key), ...Object.values(options.alias).flat()]);
  for (const arg of args) {
    if (arg === "--") return;
    const match = /^--?([^=]+)/.exec(arg);
    if (!match || /^-\d/.test(arg)) continue;
    const names = arg.startsWith("--") ? [match[1]] : [...match[1]];
    for (const name of names) {
      if (known.has(name) || (name.startsWith("no-") && known.has(name.slice(3)))) continue;
      const dashes = name.length === 1 ? "-" : "--";
      throw new InputError(`unknown option ${dashes}${name}${didYouMean(name, [...known].filter((k) => k.length > 1), "--")}`);
    }
  }
}

/** A first word that is no command: a typo to correct, not an argument to pass on. */
function rejectUnknownCommand(args: string[]): void {
  const first = args[0];
  if (first === undefined || first.startsWith("-") || COMMAND_NAMES.includes(first)) return;
  throw new InputError(`unknown command "${first}"${didYouMean(first, COMMAND_NAMES)} (charter --help lists the commands)`);
}

/**
 * yargs renders the running command's help text before its handler finishes, in case the handler
 * asks for it; charter's never do (errors are one line), and the rendering costs more start-up time
 * than reading a small registry. `--help` and bare `charter` still render it when asked.
 * getInternalMethods is how yargs' own modules reach the usage instance; it is missing from its types.
 */
function skipHelpCache(parser: Argv): void {
  const internal = parser as unknown as { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } };
  internal.getInternalMethods().getUsageInstance().cacheHelpMessage = () => {};
}

/** Runs one charter command line (the arguments after `charter`). */
export async function main(argv: string[]): Promise<void> {
  // `charter help [COMMAND]`, as git and buf take it.
  const args = argv[0] === "help" ? [...argv.slice(1), "--help"] : argv;
  try {
    rejectUnknownCommand(args);
    const parser = yargs(args);
    skipHelpCache(parser);
    let bare = false;
    await parser
      .scriptName("charter")
      .usage("charter <command> [options]\n\nService contracts: lint, breaking-change checks, release notes, SDKs and docs.")
      .version(VERSION)
      .alias("v", "version")
      .help()
      .alias("h", "help")
      .option("verbose", { type: "boolean", default: false, describe: "Show stack traces of errors, and how often each file was parsed" })
      .command(lintCommand)
      .command(breakingCommand)
      .command(checkCommand)
      .command(changelogCommand)
      .command(generateCommand)
      .command(docsCommand)
      .command(mockCommand)
      .command(verifyCommand)
      .command(initCommand)
      .command(rulesCommand)
      .middleware(() => rejectUnknownOptions(args, parser), true)
      .demandCommand(1)
      .strict()
      .fail((message, error) => {
        if (error) throw error;
        // Bare `charter`: the command list, as git and buf print it; still a usage error (exit 2).
        if (args.every((a) => a === "--verbose")) {
          bare = true;
          return;
        }
        const extra = /^Unknown arguments?: (.*)$/.exec(message);
        if (extra) throw new InputError(`unexpected argument ${extra[1]} (charter --help lists the commands and what they take)`);
        const choice = /Argument: (\S+), Given: (.*), Choices: (.*)/.exec(message);
        if (choice) throw new InputError(`--${choice[1]} ${choice[2]}: expected one of ${choice[3]}`);
        // yargs writes some messages over several lines; a usage error is one.
        throw new InputError(message.replace(/\s*\n\s*/g, " "));
      })
      // Unwrapped when piped, so help reads the same in every log and test.
      .wrap(process.stdout.isTTY ? Math.min(110, parser.terminalWidth()) : null)
      .parseAsync();
    if (bare) {
      process.stderr.write(`${await parser.getHelp()}\n`);
      process.exitCode = 2;
    }
    if (args.includes("--verbose")) {
      const { parseCounts } = await import("../src/registry/yaml-source.js");
      for (const [file, count] of parseCounts()) process.stderr.write(`charter: parsed ${file} ${count === 1 ? "once" : `${count} times`}\n`);
    }
  } catch (error) {
    fail(error, args.includes("--verbose"));
  }
}
