import type { Argv } from "yargs";
import { isMode, MODES, type Mode } from "../src/compat/mode.js";
import { InputError } from "../src/errors.js";
import { reportOptions } from "./report-options.js";

/** The options `breaking` and `check` share. */
export function compatOptions<T>(yargs: Argv<T>) {
  return reportOptions(yargs)
    .option("mode", { type: "string", describe: `Compatibility mode for every contract: ${MODES.join(", ")}` })
    .option("strict", { type: "boolean", default: false, describe: "Conditional changes are errors (then --fail-on picks which severities fail)" });
}

export function parseMode(value: string | undefined): Mode | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!isMode(upper)) throw new InputError(`unknown mode "${value}": expected one of ${MODES.join(", ")}`);
  return upper;
}
