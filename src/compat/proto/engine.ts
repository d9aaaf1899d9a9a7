import type { Change } from "../finding.js";
import { fileOf, type ProtoImage } from "../../contracts/proto/image.js";
import { isUnstablePackage } from "../../contracts/proto/stability.js";
import { computeRoles, directions } from "./roles.js";
import type { ProtoRule } from "./rule.js";
import { underPath, type RuleSelection } from "./selection.js";

/** The contract id of an element: its package (ARCHITECTURE.md, "The compatibility model"), or its file when it has none. */
export function contractOf(image: ProtoImage, file: { proto: { package: string; name: string } }): string {
  if (file.proto.package) return file.proto.package;
  return image.fileLocation(image.files.get(file.proto.name)!).file;
}

/** Runs the selected rules over two versions; one change per rule and element. */
export function compareProto(previous: ProtoImage, current: ProtoImage, rules: ProtoRule[], selection: RuleSelection): Change[] {
  const roles = computeRoles(previous, current);
  const changes: Change[] = [];
  const seen = new Set<string>();
  const ignored = (rule: string, file: string | undefined): boolean =>
    file !== undefined &&
    (selection.ignore.some((p) => underPath(file, p)) || (selection.ignoreOnly.get(rule) ?? []).some((p) => underPath(file, p)));
  for (const rule of rules) {
    if (!selection.ids.has(rule.id)) continue;
    rule.check({
      previous,
      current,
      report(issue) {
        const file = fileOf(issue.subject);
        const image = current.files.get(file.proto.name) === file ? current : previous;
        if (selection.ignoreUnstablePackages && isUnstablePackage(file.proto.package)) return;
        // buf.yaml paths are relative to the module root, charter's locations to the registry root.
        if ([issue.at?.file, issue.before?.file, file.proto.name].some((path) => ignored(rule.id, path))) return;
        const key = `${rule.id}\0${issue.element}`;
        if (seen.has(key)) return;
        seen.add(key);
        changes.push({
          rule: rule.id,
          kind: "proto",
          contract: contractOf(image, file),
          ...directions(issue.subject, issue.effect, roles),
          message: issue.message,
          location: issue.at,
          before: issue.before,
          element: issue.element,
        });
      },
    });
  }
  return changes;
}
