import { isFieldSet, type DescFile } from "@bufbuild/protobuf";
import { FileOptionsSchema } from "@bufbuild/protobuf/wkt";
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
export function packageSameOption(rule: { id: string; option: string; field: string; number: number }): LintRule {
  const set = (value: string) => `syntax = "proto3";\npackage shop.catalog.v1;\noption ${rule.option} = ${rule.option === "java_multiple_files" ? value : JSON.stringify(value)};\n`;
  const value = rule.option === "java_multiple_files" ? ["true", "false"] : ["Shop.Catalog", "Shop.Other"];
  return defineRule({
    id: rule.id,
    kinds: ["proto"],
    defaultSeverity: "error",
    description:
      `All files of a package set the file option \`${rule.option}\` to the same value, or none sets it, as buf's rule of ` +
      `the same name requires: generated code for one package must land in one place.`,
    exampleFiles: { "shop/catalog/v1/other.proto": set(value[0]) },
    bad: set(value[1]),
    good: set(value[0]),
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
