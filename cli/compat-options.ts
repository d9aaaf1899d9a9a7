import type { Argv } from "yargs";
import { isMode, MODES, type Mode } from "../src/compat/mode.js";
import { InputError } from "../src/errors.js";
import { FORMAT_NAMES } from "./output.js";

/** The options `breaking` and `check` share. */
export function compatOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("mode", { type: "string", describe: `Compatibility mode for every contract: ${MODES.join(", ")}` })
    .option("strict", { type: "boolean", default: false, describe: "Conditional changes fail the gate too" })
    .option("format", { type: "string", array: true, default: [] as string[], describe: `${FORMAT_NAMES.join("|")}, optionally =FILE; repeatable` });
}

export function parseMode(value: string | undefined): Mode | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!isMode(upper)) throw new InputError(`unknown mode "${value}": expected one of ${MODES.join(", ")}`);
  return upper;
}
