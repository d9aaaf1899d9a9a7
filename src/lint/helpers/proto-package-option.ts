import { isFieldSet, type DescFile } from "@bufbuild/protobuf";
import { FileOptionsSchema } from "@bufbuild/protobuf/wkt";
import type { ProtoLintRuleId } from "../../rules/catalog.js";
import { defineRule, type LintRule } from "../rule.js";
import { FILE_OPTIONS, wholeFile } from "./proto-walk.js";

/** A file option as written, or undefined when unset. */
function optionOf(file: DescFile, number: number): string | undefined {
  const field = FileOptionsSchema.fields.find((f) => f.number === number)!;
  const options = file.proto.options;
  if (!options || !isFieldSet(options, field)) return undefined;
  return String((options as unknown as Record<string, unknown>)[field.localName]);
}

/** One of buf's PACKAGE_SAME_* rules: every file of a package sets a file option alike (or none does). */
export function packageSameOption(rule: { id: ProtoLintRuleId; option: string; number: number }): LintRule {
  return defineRule({
    id: rule.id,
    check({ contract, report }) {
      const values = new Set(contract.files.map((file) => optionOf(file, rule.number) ?? ""));
      if (values.size < 2) return;
      for (const file of contract.files) {
        // A file that leaves the option unset is reported as a whole, as buf does.
        const unset = optionOf(file, rule.number) === undefined;
        report({
          message: `Files in package "${file.proto.package}" have multiple values for "${rule.option}" option: ${[...values].filter(Boolean).map((v) => `"${v}"`).join(", ")}.`,
          element: `${file.proto.package}:${rule.option}`,
          place: unset ? wholeFile(contract, file) : { desc: file, subPath: [FILE_OPTIONS, rule.number] },
        });
      }
    },
  });
}
