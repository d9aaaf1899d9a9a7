import { isFieldSet, type DescFile } from "@bufbuild/protobuf";
import { FileOptionsSchema } from "@bufbuild/protobuf/wkt";
import type { ProtoImage } from "../../../contracts/proto/image.js";
import type { SourceLocation } from "../../finding.js";
import { effect, type Effect } from "../../verdict.js";
import type { ProtoBreakingRuleId } from "../../../rules/catalog.js";
import type { ProtoRuleDef, RuleContext } from "../rule.js";

// Descriptor field numbers in FileDescriptorProto, for source locations.
const PACKAGE_FIELD = 2;
const SYNTAX_FIELD = 12;
const OPTIONS_FIELD = 8;

/** A file's `path` in source, or the file as a whole when the source does not spell it out. */
function fileAt(image: ProtoImage, file: DescFile, ...path: number[]): SourceLocation {
  return image.location(file, ...path) ?? image.fileLocation(file);
}

/** Calls `check` for every file present, by path, in both versions. */
function forEachFilePair(ctx: RuleContext, check: (before: DescFile, after: DescFile) => void): void {
  for (const [path, before] of ctx.previous.files) {
    const after = ctx.current.files.get(path);
    if (after) check(before, after);
  }
}

/** One finding per paired file whose `value` differs. */
function fileSame(
  id: ProtoBreakingRuleId,
  value: (file: DescFile) => string,
  describe: (before: string, after: string) => string,
  flows: Effect,
  path: number[],
): ProtoRuleDef {
  return {
    id,
    check(ctx) {
      forEachFilePair(ctx, (before, after) => {
        const [was, now] = [value(before), value(after)];
        if (was === now) return;
        ctx.report({
          subject: after,
          element: ctx.current.fileLocation(after).file,
          message: describe(was, now),
          effect: flows,
          at: fileAt(ctx.current, after, ...path),
          before: fileAt(ctx.previous, before, ...path),
        });
      });
    },
  };
}

/**
 * The file options buf compares, with the value an unset option has. They steer code generators
 * only, so a change breaks generated code, never the wire.
 */
const FILE_OPTIONS: { id: ProtoBreakingRuleId; option: string; number: number; unset: string }[] = [
  { id: "FILE_SAME_JAVA_PACKAGE", option: "java_package", number: 1, unset: "" },
  { id: "FILE_SAME_JAVA_OUTER_CLASSNAME", option: "java_outer_classname", number: 8, unset: "" },
  { id: "FILE_SAME_OPTIMIZE_FOR", option: "optimize_for", number: 9, unset: "SPEED" },
  { id: "FILE_SAME_JAVA_MULTIPLE_FILES", option: "java_multiple_files", number: 10, unset: "false" },
  { id: "FILE_SAME_GO_PACKAGE", option: "go_package", number: 11, unset: "" },
  { id: "FILE_SAME_CC_GENERIC_SERVICES", option: "cc_generic_services", number: 16, unset: "false" },
  { id: "FILE_SAME_JAVA_GENERIC_SERVICES", option: "java_generic_services", number: 17, unset: "false" },
  { id: "FILE_SAME_PY_GENERIC_SERVICES", option: "py_generic_services", number: 18, unset: "false" },
  { id: "FILE_SAME_CC_ENABLE_ARENAS", option: "cc_enable_arenas", number: 31, unset: "true" },
  { id: "FILE_SAME_OBJC_CLASS_PREFIX", option: "objc_class_prefix", number: 36, unset: "" },
  { id: "FILE_SAME_CSHARP_NAMESPACE", option: "csharp_namespace", number: 37, unset: "" },
  { id: "FILE_SAME_SWIFT_PREFIX", option: "swift_prefix", number: 39, unset: "" },
  { id: "FILE_SAME_PHP_CLASS_PREFIX", option: "php_class_prefix", number: 40, unset: "" },
  { id: "FILE_SAME_PHP_NAMESPACE", option: "php_namespace", number: 41, unset: "" },
  { id: "FILE_SAME_PHP_METADATA_NAMESPACE", option: "php_metadata_namespace", number: 44, unset: "" },
  { id: "FILE_SAME_RUBY_PACKAGE", option: "ruby_package", number: 45, unset: "" },
];

/** A file option as buf prints it: strings as written, bools as `true`/`false`, enums by value name. */
function fileOption(file: DescFile, number: number, unset: string): string {
  const options = file.proto.options;
  const field = FileOptionsSchema.fields.find((f) => f.number === number)!;
  if (!options || !isFieldSet(options, field)) return unset;
  const value = (options as unknown as Record<string, unknown>)[field.localName];
  if (field.fieldKind === "enum") return field.enum.values.find((v) => v.number === value)!.name;
  return String(value);
}

const conditional = effect("conditional", "conditional");

export const FILE_RULES: ProtoRuleDef[] = [
  {
    id: "FILE_NO_DELETE",
    check(ctx) {
      for (const [path, before] of ctx.previous.files) {
        if (ctx.current.files.has(path)) continue;
        const where = ctx.previous.fileLocation(before);
        // A service that went away with its file takes its RPCs with it: old clients calling them
        // fail, exactly as when the service is deleted from a file that stays (SERVICE_NO_DELETE).
        const gone = before.services.filter((s) => !ctx.current.services.has(s.typeName)).map((s) => s.name);
        ctx.report({
          subject: before,
          element: where.file,
          message: gone.length
            ? `Previously present file "${path}" was deleted with service${gone.length > 1 ? "s" : ""} ${gone.map((n) => `"${n}"`).join(", ")}; old clients calling ${gone.length > 1 ? "their" : "its"} RPCs fail.`
            : `Previously present file "${path}" was deleted; generated code that names its types breaks, wire changes are reported on the fields that used them.`,
          effect: gone.length ? effect("breaking", "conditional") : conditional,
          before: where,
        });
      }
    },
  },
  fileSame(
    "FILE_SAME_PACKAGE",
    (file) => file.proto.package,
    (was, now) => `File package changed from "${was}" to "${now}"; every full name in it changes (type URLs, RPC paths).`,
    effect("breaking", "breaking"),
    [PACKAGE_FIELD],
  ),
  fileSame(
    "FILE_SAME_SYNTAX",
    (file) => file.proto.syntax || "proto2",
    (was, now) => `File syntax changed from "${was}" to "${now}"; defaults, presence and enum semantics may change with it.`,
    conditional,
    [SYNTAX_FIELD],
  ),
  ...FILE_OPTIONS.map(({ id, option, number, unset }) =>
    fileSame(
      id,
      (file) => fileOption(file, number, unset),
      (was, now) => `File option "${option}" changed from "${was}" to "${now}"; this affects generated code only.`,
      conditional,
      [OPTIONS_FIELD, number],
    ),
  ),
];
