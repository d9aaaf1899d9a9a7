import { dirname, relative, resolve } from "node:path";
import { generateSdks } from "../../src/codegen/generate.js";
import { InputError } from "../../src/errors.js";
import { readInput } from "../../src/registry/resolve.js";
import { chooseOutput, outputDrift, outputFolder, SDK_OUTPUT, writeOutput } from "../../src/registry/workspace.js";
import { progress, progressDone } from "../progress.js";

export interface GenerateArgs {
  registry: string;
  out?: string;
  check: boolean;
}

export async function runGenerateCommand(args: GenerateArgs): Promise<void> {
  const cwd = process.cwd();
  const input = readInput(args.registry, cwd);
  const registry = resolve(cwd, args.registry);
  const out = outputFolder(chooseOutput(args.out, input, "generate", "sdk"), { cwd, registry: input.contract === undefined ? registry : dirname(registry) });
  progress("generating…");
  const files = await generateSdks(input);
  progressDone();
  if (!files.size) {
    throw new InputError(`${args.registry}: nothing to generate (no OpenAPI contract, AsyncAPI operation or proto service), so ${relative(cwd, out) || out} was left as it was`);
  }
  if (args.check) {
    const drift = outputDrift(out, files, SDK_OUTPUT);
    for (const path of drift) process.stderr.write(`charter: ${relative(cwd, resolve(out, path))} is not what charter generate would write\n`);
    process.exitCode = drift.length ? 1 : 0;
    return;
  }
  const { written, kept } = writeOutput(out, files, SDK_OUTPUT);
  const note = kept.length ? `; kept ${kept.length} file${kept.length === 1 ? "" : "s"} it did not write` : "";
  process.stderr.write(`wrote ${written} files to ${relative(cwd, out) || out}${note}\n`);
}
